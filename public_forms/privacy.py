"""The notice each public form shows about the personal data it collects (Decree
13/2023/NĐ-CP): what is collected, why, for how long, and how to have it erased. Each form
writes its own text; templates/public_forms/includes/privacy_notice.html shows it."""

from dataclasses import dataclass


@dataclass(frozen=True)
class PrivacyNotice:
    collected: str
    purpose: str
    retention: str
    erasure: str = ""
    controller: str = ""
