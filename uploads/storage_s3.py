"""Object storage (django-storages' S3) with the portal's upload journal: apart from
uploads.storage so that boto3 is imported only where buckets are used."""

from storages.backends.s3 import S3Storage

from uploads.storage import JournaledStorageMixin, served_type


class PortalS3Storage(JournaledStorageMixin, S3Storage):
    def get_object_parameters(self, name):
        # The object's type is the one the portal verified, not the browser's claim for the
        # upload that django-storages would otherwise keep.
        content_type, disposition = served_type(name)
        return {
            **super().get_object_parameters(name),
            "ContentType": content_type,
            "ContentDisposition": disposition,
        }
