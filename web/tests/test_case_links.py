"""Lists link each case without reversing per row; the links must be the ones reverse() gives."""

import uuid

from django.urls import reverse, set_script_prefix

from web.templatetags.links import case_href


def test_a_case_link_is_what_reverse_gives() -> None:
    public_id = uuid.uuid4()
    assert case_href(public_id) == reverse("casefile:case_detail", kwargs={"public_id": public_id})


def test_a_case_link_follows_the_script_prefix() -> None:
    public_id = uuid.uuid4()
    try:
        set_script_prefix("/utvag/")
        assert case_href(public_id) == f"/utvag/arenden/{public_id}/"
        assert case_href(public_id) == reverse("casefile:case_detail", kwargs={"public_id": public_id})
    finally:
        set_script_prefix("/")
