"""Streamlit pages; each module renders its page when Streamlit runs it as a script."""
