"""View-models: QObjects that own the async work and expose plain-data signals to the views."""
