"""The engine: run the active rules over documents and stamp what they find."""
