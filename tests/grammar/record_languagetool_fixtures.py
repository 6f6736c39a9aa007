"""Re-record fixtures/languagetool/*.json from the real server (not a test).

Usage: python tests/grammar/record_languagetool_fixtures.py
Starts a private LanguageTool server, sends each sample with exactly the
backend's request parameters and stores request + raw response.
"""

from __future__ import annotations

import json
from pathlib import Path

from notecheck.grammar.client import LanguageToolClient
from notecheck.grammar.oneshot import private_server

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "languagetool"

SAMPLES: dict[str, tuple[str, str]] = {
    "emoji-before-error": (
        "😀 Thank you for meeting me. I has enjoyed the the talk.", "en-US"),
    "astral-between-errors": (
        "Thank you 🙏🏽 for the the interview. I am exited 🚀 about teh role.", "en-US"),
    "typical-note": (
        "Dear Ms. Smith,\n\nThank you for taking the time to speak with me on tuesday. "
        "I really enjoyed learning about you're team and the recieving process. "
        "Their is alot I could contribute.\n\nBest regards,\nAlex", "en-US"),
    "clean-note": (
        "Dear Ms. Smith,\n\nThank you for meeting with me today. "
        "I enjoyed our conversation about the data platform.\n\nBest regards,\nAlex", "en-US"),
    "british-spelling": ("I realise the colour of the organisation is important.", "en-GB"),
}


def main() -> None:
    FIXTURES.mkdir(parents=True, exist_ok=True)
    with private_server() as (url, _version):
        client = LanguageToolClient(url)
        for name, (text, language) in SAMPLES.items():
            response = client.check_json(text, language)
            record = {"request": {"text": text, "language": language}, "response": response}
            path = FIXTURES / f"{name}.json"
            path.write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n",
                            encoding="utf-8")
            print(f"{path.name}: {len(response['matches'])} matches")
        client.close()


if __name__ == "__main__":
    main()
