"""The web faces: an HTTP API (api.py) and a dashboard (pages.py) over a store, built by
`create_app` in app.py and served by `eventmill serve`."""
