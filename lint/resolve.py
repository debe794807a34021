"""Configuration resolution: from a file's path to the settings that govern it.

A file is governed by ``--config`` when given, else by the nearest ``.reportlint.yaml``
above it, else by the defaults; each configuration is loaded once per run.  What a
configuration says about a document (its document types, its vocabulary) becomes the
document's ``Context``, built once per configuration.
"""
from __future__ import annotations

import os

from .config import Config, find_config, load_config
from .context import Context

TYPE_CHECKING = False   # not typing's: importing typing costs every start 4 ms
if TYPE_CHECKING:
    from typing import Optional


class Resolver:
    def __init__(self, registry, config_path: Optional[str] = None, use_config: bool = True,
                 profile: Optional[str] = None):
        self.registry = registry
        self.config_path = config_path     # --config
        self.use_config = use_config       # --no-config: the defaults everywhere
        self.profile = profile             # --profile: forced on every file
        self._found: dict[str, str] = {}               # folder -> its config file, or ""
        self._by_folder: dict[str, Config] = {}        # folder as paths name it -> Config
        self._loaded: dict[str, Config] = {}           # config file -> Config
        self._default: Optional[Config] = None
        self._contexts: dict[int, Context] = {}        # id(Config) -> Context

    def config_for(self, path: str) -> Config:
        """The configuration that governs ``path``; raises ConfigError."""
        if not self.use_config:
            return self._defaults()
        if self.config_path:
            return self._load(self.config_path)
        # Every file of a folder has the folder's configuration: looked up once per
        # folder as the path names it (a path ending in /, . or .. names no file in it).
        if os.path.basename(path) in ("", ".", ".."):
            return self._governing(path)
        named = os.path.dirname(path)
        config = self._by_folder.get(named)
        if config is None:
            config = self._by_folder[named] = self._governing(path)
        return config

    def _governing(self, path: str) -> Config:
        """The nearest configuration above ``path``, or the defaults."""
        folder = os.path.dirname(os.path.abspath(path))
        found = self._found.get(folder)
        if found is None:
            found = self._found[folder] = find_config(folder) or ""
        return self._load(found) if found else self._defaults()

    def _defaults(self) -> Config:
        if self._default is None:
            self._default = Config(root=os.getcwd())
        return self._default

    def _load(self, path: str) -> Config:
        if path not in self._loaded:
            self._loaded[path] = load_config(path, self.registry.rules, self.registry.profiles)
        return self._loaded[path]

    def context_for(self, config: Config, path: str) -> Context:
        """The Context of a document at ``path``: the configuration's (or the plugins')
        document types and vocabulary, and the profile forced on it, if any."""
        forced = self.profile or config.profile_for(path)
        shared = self._contexts.get(id(config))
        if shared is None:
            from .vocab import combined, extended

            vocab = None
            if config.vocab or self.registry.vocab:
                vocab = extended(combined(self.registry.vocab, config.vocab))
            shared = self._contexts[id(config)] = Context(
                profiles=config.profiles or self.registry.profiles, vocab=vocab)
        if forced == shared.profile:
            return shared
        return Context(profiles=shared.profiles, profile=forced, vocab=shared.vocab)
