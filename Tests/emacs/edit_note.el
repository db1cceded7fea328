;;; edit_note.el --- Run by Tests/emacs/run.sh: Emacs drives notelint through eglot  -*- lexical-binding: t; -*-

;; Opens a copy of Tests/editors/reading-list.md with editors/emacs/notelint.el, waits for
;; the findings, then reads the outline (imenu), jumps from a footnote reference to its
;; definition (xref), renames the label, completes a category and formats the buffer.
;; Each step is checked; the first failure, or "ok", goes to NOTELINT_EMACS_RESULT.

(require 'cl-lib)
(require 'markdown-mode)
(require 'eglot)
(require 'flymake)
(require 'imenu)
(require 'xref)

(defvar notelint-test-steps nil "The steps done so far, for the failure message.")

(defun notelint-test-wait (what predicate &optional seconds)
  "Process server output until PREDICATE holds, or fail naming WHAT after SECONDS."
  (let ((deadline (+ (float-time) (or seconds 20))))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.1))
    (unless (funcall predicate) (error "Timed out waiting for %s" what))))

(defun notelint-test-line (number)
  "The text of line NUMBER (1-based) of the current buffer."
  (save-excursion
    (goto-char (point-min))
    (forward-line (1- number))
    (buffer-substring-no-properties (line-beginning-position) (line-end-position))))

(defun notelint-test-expect (what actual expected)
  "Fail naming WHAT unless ACTUAL equals EXPECTED."
  (unless (equal actual expected)
    (error "%s: expected %S, got %S" what expected actual))
  (push what notelint-test-steps))

(defun notelint-test-goto (line text)
  "Put point inside TEXT on LINE (1-based), just after its first character."
  (goto-char (point-min))
  (forward-line (1- line))
  (unless (search-forward text (line-end-position) t) (error "`%s' is not on line %d" text line))
  (goto-char (1+ (match-beginning 0))))

(defun notelint-test-names (index)
  "Every name in an imenu INDEX, depth first."
  (cl-loop for (name . rest) in index
           append (cons name (if (listp rest) (notelint-test-names rest) nil))))

(defun notelint-test-run ()
  (load (expand-file-name "editors/emacs/notelint.el" (getenv "NOTELINT_ROOT")))
  (setq notelint-program (getenv "NOTELINT_BIN"))
  (notelint-eglot-setup)
  (find-file (getenv "NOTELINT_EMACS_NOTE"))
  (markdown-mode)
  ;; `eglot-ensure' waits for a command loop that batch mode never runs.
  (apply #'eglot (eglot--guess-contact))
  (notelint-test-wait "eglot to connect" (lambda () (eglot-current-server)))
  (push "connected" notelint-test-steps)

  ;; Findings, through Flymake.
  (notelint-test-wait "diagnostics"
                      (lambda () (flymake-start) (flymake-diagnostics)))
  (notelint-test-expect
   "diagnostics"
   (sort (mapcar (lambda (d) (format "%d %s" (line-number-at-pos (flymake-diagnostic-beg d))
                                     (flymake-diagnostic-text d)))
                 (flymake-diagnostics))
         #'string<)
   '("10 notelint [entry-empty-field]: `Subjects` is empty; it can be filled from arXiv"
     "9 notelint [date-format]: date `20 Apr. 2021` differs from the note's date style: `20 Apr 2021`"))

  ;; The outline: headings, and the entries named by their titles.
  (let ((names (notelint-test-names (eglot-imenu))))
    (dolist (name '("front matter" "Transformers" "Attention"
                    "RoFormer: Enhanced Transformer with Rotary Position Embedding"
                    "Attention Is All You Need"))
      (unless (member name names) (error "outline: `%s' missing from %S" name names))))
  (push "outline" notelint-test-steps)

  ;; Go to the footnote's definition.
  (notelint-test-goto 12 "rope]")
  (call-interactively #'xref-find-definitions)
  (notelint-test-expect "definition" (line-number-at-pos) 21)

  ;; Rename the label from its reference.
  (notelint-test-goto 12 "rope]")
  (eglot-rename "rotary")
  (notelint-test-expect "rename: reference" (notelint-test-line 12) "Rotary embeddings[^rotary] rotate queries and keys.")
  (notelint-test-expect "rename: definition" (notelint-test-line 21) "[^rotary]: See section 3.4 of the paper.")

  ;; Complete a category: type a code, complete, and the item's edit writes the full name.
  (goto-char (point-min))
  (forward-line 9)
  (end-of-line)
  (insert " cs.CL")
  (completion-at-point)
  (notelint-test-expect "completion" (notelint-test-line 10) "Subjects: Computation and Language (cs.CL)")

  ;; Format: the safe fix of the date, and nothing else.
  (eglot-format-buffer)
  (notelint-test-expect "format: date" (notelint-test-line 9) "Date: 20 Apr 2021")
  (notelint-test-expect "format: the rest" (notelint-test-line 7) "Title: RoFormer: Enhanced Transformer with Rotary Position Embedding"))

(let ((result
       (condition-case failure
           (progn (notelint-test-run) "ok")
         (error (format "%s (after: %s)" (error-message-string failure)
                        (mapconcat #'identity (reverse notelint-test-steps) ", "))))))
  (with-temp-file (getenv "NOTELINT_EMACS_RESULT") (insert result))
  (ignore-errors (eglot-shutdown (eglot-current-server)))
  (kill-emacs 0))
;;; edit_note.el ends here
