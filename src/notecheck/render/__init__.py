"""Renderers turn reports into output; the engine never prints."""
