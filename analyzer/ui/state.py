"""Session state of the app: the analyser (shared) and each user's results (private).

Contracts are confidential, so results live in ``st.session_state`` keyed by the file's
SHA-256 (a rerun or re-upload of the same file is instant) and never in ``st.cache_data``,
which is shared by every session, or on disk. Only the loaded models, which hold nothing
about any user, are shared through ``st.cache_resource``.
"""

from __future__ import annotations

import hashlib
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import streamlit as st

from analyzer.decisions import DecisionSet
from analyzer.types import AnalysisResult, FileResult, FileStatus
from analyzer.ui.views import safe_name

MAX_UPLOAD_MB = 50
_OVERRIDE: list[Any] = []


@dataclass(frozen=True, slots=True)
class StoredFile:
    """One uploaded file of this session: its bytes (for DOCX comments) and its outcome."""

    sha256: str
    name: str
    data: bytes
    outcome: FileResult

    @property
    def result(self) -> AnalysisResult | None:
        """Return the analysis, or None when the file failed."""
        return self.outcome.result

    @property
    def ok(self) -> bool:
        """Return True when the file was analysed (fully or partly)."""
        return self.outcome.status != FileStatus.FAILED and self.outcome.result is not None


def set_analyzer(analyzer: Any) -> None:
    """Use this analyser instead of loading one (tests load the models once per session)."""
    _OVERRIDE[:] = [analyzer]


@st.cache_resource(show_spinner="Loading the clause classifier and rule packs (once)...")
def _load_analyzer() -> Any:
    from analyzer.pipeline import Analyzer

    return Analyzer.load()


def get_analyzer() -> Any:
    """Return the shared analyser (models load once per server process)."""
    return _OVERRIDE[0] if _OVERRIDE else _load_analyzer()


def files() -> dict[str, StoredFile]:
    """Return this session's files by SHA-256, in upload order."""
    return st.session_state.setdefault("files", {})


def analysed() -> list[StoredFile]:
    """Return this session's successfully analysed files."""
    return [f for f in files().values() if f.ok]


def decisions(sha256: str) -> DecisionSet:
    """Return the reviewer's decisions for a file."""
    store: dict[str, DecisionSet] = st.session_state.setdefault("decisions", {})
    return store.get(sha256, DecisionSet(document_sha256=sha256))


def set_decisions(sha256: str, value: DecisionSet) -> None:
    """Replace the reviewer's decisions for a file."""
    st.session_state.setdefault("decisions", {})[sha256] = value


def digest(data: bytes) -> str:
    """Return the SHA-256 of an upload."""
    return hashlib.sha256(data).hexdigest()


def analyse_upload(name: str, data: bytes) -> StoredFile:
    """Analyse one upload in a private temporary folder that is removed straight after.

    The file keeps its own name inside the folder so reports and exports show it.
    """
    sha = digest(data)
    with tempfile.TemporaryDirectory(prefix="contract-analyzer-") as folder:
        path = Path(folder) / safe_name(name)
        path.write_bytes(data)
        outcome = get_analyzer().try_analyze(path)
    stored = StoredFile(sha, name, data, outcome)
    files()[sha] = stored
    return stored


def current() -> StoredFile | None:
    """Return the file selected for review/export, defaulting to the latest analysed."""
    ok = analysed()
    if not ok:
        return None
    chosen = st.session_state.get("current")
    for f in ok:
        if f.sha256 == chosen:
            return f
    return ok[-1]


def with_temp_copy(stored: StoredFile, action: Any) -> Any:
    """Run ``action(path)`` on a temporary copy of an upload, removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="contract-analyzer-") as folder:
        path = Path(folder) / safe_name(stored.name)
        path.write_bytes(stored.data)
        return action(path)


def pick_document(label: str = "Contract", key: str = "pick_document") -> StoredFile | None:
    """Show a document picker and return the chosen file (remembered across pages)."""
    ok = analysed()
    if not ok:
        st.info("No contract analysed yet: upload one on the **Upload** page first.")
        st.page_link("analyzer/ui/pages/upload.py", label="Go to Upload",
                     icon=":material/upload_file:")
        return None
    by_sha = {f.sha256: f for f in ok}
    selected = current()
    index = list(by_sha).index(selected.sha256) if selected else 0
    sha = st.selectbox(label, list(by_sha), index=index, key=key,
                       format_func=lambda s: by_sha[s].name)
    st.session_state["current"] = sha
    return by_sha[sha]
