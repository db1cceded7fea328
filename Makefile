# make install PREFIX=/usr/local   builds a release binary and installs it with its completions
PREFIX ?= /usr/local
BIN := .build/release/notelint

.PHONY: build install uninstall test format

build:
	swift build -c release --product notelint

install: build
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(PREFIX)/share/notelint/rules"
	install -m 755 "$(BIN)" "$(DESTDIR)$(PREFIX)/bin/notelint"
	install -m 644 rules/*.md "$(DESTDIR)$(PREFIX)/share/notelint/rules/"
	install -m 644 schema/notelint.schema.json "$(DESTDIR)$(PREFIX)/share/notelint/"
	install -d "$(DESTDIR)$(PREFIX)/share/bash-completion/completions" \
	           "$(DESTDIR)$(PREFIX)/share/zsh/site-functions" \
	           "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d"
	"$(BIN)" --generate-completion-script bash > "$(DESTDIR)$(PREFIX)/share/bash-completion/completions/notelint"
	"$(BIN)" --generate-completion-script zsh > "$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_notelint"
	"$(BIN)" --generate-completion-script fish > "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/notelint.fish"

uninstall:
	rm -rf "$(DESTDIR)$(PREFIX)/share/notelint"
	rm -f "$(DESTDIR)$(PREFIX)/bin/notelint" \
	      "$(DESTDIR)$(PREFIX)/share/bash-completion/completions/notelint" \
	      "$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_notelint" \
	      "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/notelint.fish"

test:
	./scripts/test.sh

# Rewrites the Swift sources as .swift-format says; scripts/test.sh checks that they are.
format:
	swift format format --in-place --recursive --configuration .swift-format $$(cat scripts/formatted-paths)
