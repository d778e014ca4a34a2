"""The ways people reach Vigyapti: the HTTP API, the command line (and later the widget and Telegram)."""
