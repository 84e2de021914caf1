;;; eglot_test.el --- drives pharmalens-ls from Emacs's eglot, in batch mode  -*- lexical-binding: t; -*-
;; Env: LSP_SERVER (dist/server.js), LSP_FILE (a .tex manuscript), HOVER_WORD, EXPECT_HOVER, MISQUOTE, EXPECT_ACTION;
;; or README_CONFIG (the README's Emacs configuration, pharmalens-ls on PATH) and LSP_FILE a .md manuscript.
;; Prints PASS/FAIL lines; exits 0 when every step passed.
;; Debian's elpa-eglot and its dependencies (newer project, xref, jsonrpc …), which -Q does not put on the load path.
(dolist (dir (file-expand-wildcards "/usr/share/emacs/site-lisp/elpa/*"))
  (when (file-directory-p dir) (push dir load-path)))
(require 'eglot)
(require 'flymake)

(defvar pl-failed nil)
(defun pl-check (ok what)
  (princ (format "%s: %s\n" (if ok "PASS" "FAIL") what))
  (unless ok (setq pl-failed t)))

(defun pl-wait (predicate seconds)
  "Let the server's messages in until PREDICATE is true or SECONDS pass; return PREDICATE's value."
  (let ((deadline (+ (float-time) seconds)) value)
    (while (and (not (setq value (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.1))
    value))

(setq eglot-sync-connect t)
(if (getenv "README_CONFIG")
    ;; The README's configuration as printed (pharmalens-ls on PATH), with Debian's markdown-mode.
    (progn (require 'markdown-mode)
           (load (getenv "README_CONFIG") nil t)
           (find-file (getenv "LSP_FILE"))
           ;; eglot-ensure connects after the next command; batch mode has no command loop, so run its hook once.
           (run-hooks 'post-command-hook))
  (setq eglot-server-programs
        (list (cons '(latex-mode tex-mode plain-tex-mode LaTeX-mode)
                    (list "node" (getenv "LSP_SERVER") "--stdio"))))
  (find-file (getenv "LSP_FILE"))
  (latex-mode)
  (apply #'eglot (eglot--guess-contact)))
(princ (format "MODE: %s\n" major-mode))
(let ((server (pl-wait #'eglot-current-server 30)))
  (pl-check server "eglot connected to pharmalens-ls")
  ;; The misquote's diagnostic, through flymake.
  (goto-char (point-min))
  (search-forward (getenv "MISQUOTE"))
  (let* ((beg (match-beginning 0)) (end (match-end 0))
         ;; Diagnostics that arrive before flymake has started eglot's backend wait for the next flymake run, which
         ;; typing would trigger; batch mode has no typing, so the wait starts flymake again now and then.
         (next-start 0)
         (diagnostics (pl-wait (lambda ()
                                 (or (flymake-diagnostics beg end)
                                     (progn (when (> (float-time) next-start)
                                              (setq next-start (+ (float-time) 1))
                                              (flymake-start))
                                            nil)))
                               30)))
    (pl-check diagnostics (format "flymake shows a diagnostic on %s" (getenv "MISQUOTE")))
    (unless diagnostics
      (princ (format "EVENTS:\n%s\n" (with-current-buffer (jsonrpc-events-buffer server)
                                         (buffer-substring-no-properties (max (point-min) (- (point-max) 6000)) (point-max)))))
      (princ (format "FLYMAKE: mode %s, all diagnostics %S; server running %s\n" flymake-mode (flymake-diagnostics) (jsonrpc-running-p server)))
      (dolist (buffer (buffer-list))
        (when (string-match-p "stderr" (buffer-name buffer))
          (princ (format "STDERR %s:\n%s\n" (buffer-name buffer) (with-current-buffer buffer (buffer-string)))))))
    ;; Hover on a name — after the diagnostics: a notification that arrives while a synchronous jsonrpc-request
    ;; waits (batch mode only) was seen lost by Emacs 28's jsonrpc.
    (goto-char (point-min))
    (search-forward (getenv "HOVER_WORD"))
    (backward-char 2)
    (let* ((hover (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams)))
           (contents (plist-get hover :contents))
           (text (if (stringp contents) contents (plist-get contents :value))))
      (pl-check (and text (string-match-p (regexp-quote (getenv "EXPECT_HOVER")) text))
                (format "hover on %s shows %s" (getenv "HOVER_WORD") (getenv "EXPECT_HOVER"))))
    ;; Its quick fix, asked for as eglot does and applied with eglot's own workspace-edit code.
    (let* ((lsp-diagnostics
            (vconcat (delq nil (mapcar (lambda (diagnostic) (cdr (assoc 'eglot-lsp-diag (flymake-diagnostic-data diagnostic))))
                                       diagnostics))))
           (actions (jsonrpc-request server :textDocument/codeAction
                                     (list :textDocument (eglot--TextDocumentIdentifier)
                                           :range (list :start (eglot--pos-to-lsp-position beg) :end (eglot--pos-to-lsp-position end))
                                           :context (list :diagnostics lsp-diagnostics))))
           (action (seq-find (lambda (candidate) (equal (plist-get candidate :title) (getenv "EXPECT_ACTION"))) actions)))
      (pl-check action (format "code action \"%s\" offered" (getenv "EXPECT_ACTION")))
      (when action
        (eglot--apply-workspace-edit (plist-get action :edit))
        (pl-check (not (string-match-p (regexp-quote (getenv "MISQUOTE")) (buffer-string)))
                  (format "code action \"%s\" applied" (getenv "EXPECT_ACTION")))
        (princ (format "TEXT: %s\n" (buffer-string)))))))
(ignore-errors (eglot-shutdown (eglot-current-server)))
(kill-emacs (if pl-failed 1 0))
