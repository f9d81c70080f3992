"""Typed errors of the analyzer.

Each error carries the failing file and an ``exit_code`` so the CLI can print one clear
line and exit with a distinct status, and the batch layer can turn it into a value.
"""

from __future__ import annotations


class AnalyzerError(Exception):
    """Base class: a user-facing problem with an input or a configuration."""

    exit_code = 10
    code = "analyzer_error"

    def __init__(self, message: str, path: str | None = None) -> None:
        self.path = path
        self.message = message
        super().__init__(f"{path}: {message}" if path else message)


class UnsupportedFileType(AnalyzerError):
    """The file is not a PDF, DOCX or TXT (e.g. a legacy .doc or an image)."""

    exit_code = 11
    code = "unsupported_file_type"


class EncryptedDocument(AnalyzerError):
    """The PDF is encrypted and the empty password does not open it."""

    exit_code = 12
    code = "encrypted"


class CorruptDocument(AnalyzerError):
    """The file is damaged or truncated and cannot be read."""

    exit_code = 13
    code = "corrupt"


class EmptyDocument(AnalyzerError):
    """The file has no bytes or no text at all."""

    exit_code = 14
    code = "empty"


class NoTextLayer(AnalyzerError):
    """A scanned PDF: pages with no extractable text, OCR needed."""

    exit_code = 15
    code = "no_text_layer"

    def __init__(self, message: str, path: str | None = None, pages: tuple[int, ...] = ()) -> None:
        super().__init__(message, path)
        self.pages = pages


class FileTooLarge(AnalyzerError):
    """The file exceeds the configured size or page limit."""

    exit_code = 16
    code = "too_large"


class RulePackError(AnalyzerError):
    """A rule pack is broken; the message names file, rule and field."""

    exit_code = 17
    code = "rule_pack"


class ModelError(AnalyzerError):
    """The classifier model is missing or cannot be loaded."""

    exit_code = 18
    code = "model"
