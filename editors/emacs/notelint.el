;;; notelint.el --- notelint's language server for Markdown notes, through eglot  -*- lexical-binding: t; -*-

;; Version: 0.1
;; Package-Requires: ((emacs "27.1") (eglot "1.9"))
;; Keywords: languages, tools

;;; Commentary:

;; Makes eglot run `notelint lsp' in Markdown buffers: findings as Flymake diagnostics,
;; code actions, footnote navigation and rename, hover, completion, outline (imenu) and
;; formatting.  In your init file:
;;
;;   (require 'notelint)
;;   (notelint-eglot-setup)
;;   (add-hook 'markdown-mode-hook #'eglot-ensure)
;;
;; See editors/emacs/README.md.

;;; Code:

(require 'eglot)

(defgroup notelint nil
  "A linter and language server for Markdown research notes."
  :group 'tools
  :prefix "notelint-")

(defcustom notelint-program "notelint"
  "The notelint executable: a name on `exec-path' or an absolute file name."
  :type 'string)

(defcustom notelint-initialization-options nil
  "Settings sent to the server when it starts, as a plist.
For example (:configPath \"~/notes/.notelint.yml\" :completion :json-false)
turns completion off when another Markdown server gives it.  Keys:
`:configPath', `:docsUrl', `:completion', `:symbols', `:hover'."
  :type 'plist)

(defcustom notelint-major-modes '(markdown-mode gfm-mode)
  "Major modes whose buffers notelint checks."
  :type '(repeat symbol))

(defun notelint-eglot-contact (&optional _interactive)
  "The command eglot runs for notelint, with `notelint-initialization-options'."
  (append (list notelint-program "lsp")
          (when notelint-initialization-options
            (list :initializationOptions notelint-initialization-options))))

;;;###autoload
(defun notelint-eglot-setup ()
  "Make eglot start notelint in the buffers of `notelint-major-modes'.
The entry goes first, so it wins over another server configured for Markdown."
  (setq eglot-server-programs
        (cons (cons notelint-major-modes #'notelint-eglot-contact)
              (seq-remove (lambda (entry) (eq (cdr entry) #'notelint-eglot-contact))
                          eglot-server-programs))))

(provide 'notelint)
;;; notelint.el ends here
