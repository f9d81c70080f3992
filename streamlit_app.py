"""Contract analyzer review app: ``streamlit run streamlit_app.py``.

A thin router (Streamlit's hello app): one file per page under ``analyzer/ui/pages``. The
models load once per server through ``st.cache_resource``; each user's contracts and
results stay in their own ``st.session_state``.
"""

import streamlit as st

st.set_page_config(page_title="Contract analyzer", page_icon=":material/gavel:", layout="wide")

PAGES = "analyzer/ui/pages"
navigation = st.navigation(
    [
        st.Page(f"{PAGES}/upload.py", title="Upload", icon=":material/upload_file:", default=True),
        st.Page(f"{PAGES}/review.py", title="Review a contract", icon=":material/fact_check:"),
        st.Page(f"{PAGES}/compare.py", title="Compare bids", icon=":material/balance:"),
        st.Page(f"{PAGES}/export.py", title="Export", icon=":material/download:"),
    ]
)
st.sidebar.caption("Runs offline on this computer. Uploaded files are analysed in memory "
                   "and temporary copies are deleted straight away.")
navigation.run()
