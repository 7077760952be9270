"""Runtime resources: fonts, translations, icons, sample import files (shipped in the wheel as kam_desktop._resources)."""
