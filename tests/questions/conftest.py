import time

import pytest

from public_forms.forms import TIMESTAMP
from questions.forms import AskForm, ErasureForm
from tests.factories import TopicFactory


@pytest.fixture
def topic(db):
    return TopicFactory(name="Di sản văn hóa")


@pytest.fixture
def ask_data(topic):
    def make(**fields):
        data = {
            "asker_name": "Nguyễn Thị Mai",
            "email": "mai.nguyen@example.com",
            "phone": "",
            "topic": topic.pk,
            "title": "Giờ mở cửa Bảo tàng tỉnh",
            "body": "Bảo tàng tỉnh có mở cửa vào Chủ nhật không?",
            "name_shown": "short",
            "consent_publication": "on",
            "website": "",
            TIMESTAMP: AskForm.issue_timestamp(at=time.time() - 30),
        }
        data.update(fields)
        return {key: value for key, value in data.items() if value is not None}

    return make


@pytest.fixture
def erase_data():
    def make(code, **fields):
        return {
            "code": code,
            "confirm": "on",
            "website": "",
            TIMESTAMP: ErasureForm.issue_timestamp(at=time.time() - 30),
            **fields,
        }

    return make
