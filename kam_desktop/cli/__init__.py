"""kamctl: every main job without a screen."""
