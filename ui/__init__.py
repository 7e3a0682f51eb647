"""Qt widgets and models. They call `registry` use cases and never build queries."""
