"use strict";
// The documents notelint checks: Markdown files on disk and unsaved Markdown buffers.
module.exports = {
  documentSelector: [
    { scheme: "file", language: "markdown" },
    { scheme: "untitled", language: "markdown" },
  ],
};
