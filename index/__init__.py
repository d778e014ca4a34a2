"""Segmentation, figures, embedding, the FAISS + SQLite store and search."""
