"""Upload page: one or more PDF/DOCX contracts, each checked and analysed on its own."""

from __future__ import annotations

import streamlit as st

from analyzer.ui import state, views


def render() -> None:
    """Render the upload page."""
    st.title("Upload contracts")
    st.write(
        "Add one or more contracts, statements of work or bids (PDF or Word .docx, up to "
        f"{state.MAX_UPLOAD_MB} MB each). Each file is analysed on this computer: clauses are "
        "typed, prices, service levels and duties are extracted, and problems are flagged "
        "with the exact wording and page."
    )
    uploads = st.file_uploader(
        "Contracts (PDF or DOCX)", type=["pdf", "docx"], accept_multiple_files=True,
        key="uploads",
    )
    if uploads:
        _analyse(uploads)
    stored = list(state.files().values())
    if not stored:
        return
    st.subheader("Analysed in this session")
    frame = views.documents_frame(
        (f.name, f.outcome.status.value, f.result,
         f.outcome.error.message if f.outcome.error else "")
        for f in stored
    )
    st.dataframe(frame, hide_index=True, width="stretch")
    cols = st.columns(3)
    cols[0].page_link("analyzer/ui/pages/review.py", label="Review flagged clauses",
                      icon=":material/fact_check:")
    cols[1].page_link("analyzer/ui/pages/compare.py", label="Compare bids",
                      icon=":material/balance:")
    if cols[2].button("Forget all files", help="Remove every file and result from this session"):
        st.session_state.pop("files", None)
        st.session_state.pop("decisions", None)
        st.session_state.pop("current", None)
        st.rerun()


def _analyse(uploads: list) -> None:
    known = state.files()
    todo, refused = [], []
    for upload in uploads:
        data = upload.getvalue()
        problem = views.check_upload(upload.name, data, state.MAX_UPLOAD_MB * 2**20)
        if problem:
            refused.append(problem)
        elif state.digest(data) not in known:
            todo.append((upload.name, data))
    for problem in refused:
        st.error(problem, icon=":material/error:")
    if not todo:
        return
    progress = st.progress(0.0, text="Starting analysis...")
    for i, (name, data) in enumerate(todo):
        progress.progress(i / len(todo), text=f"Analysing {name} ({i + 1} of {len(todo)})...")
        stored = state.analyse_upload(name, data)
        if stored.ok:
            st.session_state["current"] = stored.sha256
    progress.progress(1.0, text=f"Analysed {len(todo)} file(s).")
    for stored in state.files().values():
        if stored.outcome.error and any(stored.name == n for n, _ in todo):
            st.error(f"{stored.name}: {stored.outcome.error.message}", icon=":material/error:")


if __name__ == "__main__":
    render()
