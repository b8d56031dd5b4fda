"""Object storage (django-storages' S3) with the portal's upload journal: apart from
uploads.storage so that boto3 is imported only where buckets are used."""

from storages.backends.s3 import S3Storage

from uploads.storage import JournaledStorageMixin


class PortalS3Storage(JournaledStorageMixin, S3Storage):
    pass
