;;; emacs_test.el --- ERT tests of editors/emacs/ortaq.el  -*- lexical-binding: t; -*-
;; Run by ctest under `emacs --batch -Q` with the installed ortaq.el on the load-path and
;; ORTAQ_COMMAND naming the installed CLI, once per path (ORTAQ_TEST_PATH):
;; - "module" (editors_emacs_module): ortaq.el as installed, which loads the installed
;;   ortaq-module.so next to it (ORTAQ_PREFIX is the install prefix it must come from);
;; - "command" (editors_emacs): ortaq.el copied alone into a directory, as a user without the
;;   module has it, so that it runs the command.
;; Expected texts come from tables/kk-Cyrl--cta-2024.tbl.

(require 'ert)
(defconst ortaq-test-path (getenv "ORTAQ_TEST_PATH"))
(defconst ortaq-test-module-p (equal ortaq-test-path "module"))
(if ortaq-test-module-p
    (require 'ortaq)
  (let ((dir (make-temp-file "ortaq-el-" t)))
    (add-hook 'kill-emacs-hook (lambda () (delete-directory dir t)))
    (copy-file (locate-library "ortaq.el" t) (expand-file-name "ortaq.el" dir))
    (load (expand-file-name "ortaq.el" dir) nil t)))
(setq ortaq-command (getenv "ORTAQ_COMMAND"))

(ert-deftest ortaq-converts-through-the-path-asked-for ()
  (should (member ortaq-test-path '("module" "command")))
  (should (eq (ortaq-using-module-p) ortaq-test-module-p))
  (should-not ortaq-module-load-error)
  (when ortaq-test-module-p
    ;; The module loaded is the one installed next to the installed ortaq.el.
    (should (file-in-directory-p ortaq--module-file (getenv "ORTAQ_PREFIX")))
    (should (equal (file-name-directory ortaq--module-file)
                   (file-name-directory (locate-library "ortaq.el" t))))))

(ert-deftest ortaq-converts-a-region ()
  (with-temp-buffer
    (insert "Қазақстан Республикасы\nШымкент")
    (goto-char 11)                      ; on Р
    (ortaq-convert-region (point-min) (point-max) nil "cta-2024")
    (should (equal (buffer-string) "Qazaqstan Respublikası\nŞımkent"))
    (should (equal (char-after) ?R))))

(ert-deftest ortaq-converts-part-of-a-line-with-settings ()
  (with-temp-buffer
    (insert "білім Щучинск білім")
    (ortaq-convert-region 7 (point-max) "kk-Cyrl" "cta-2024" "kk-i=ï")
    (should (equal (buffer-string) "білім Şçuçinsk bïlïm"))))

(ert-deftest ortaq-detects-a-short-region-from-the-buffer ()
  ;; "Шымкент" alone does not tell its alphabet; the buffer does.  Alone, the error asks for --from.
  (with-temp-buffer
    (insert "Қазақстан Республикасы\nШымкент")
    (ortaq-convert-region 24 (point-max) nil "cta-2024")
    (should (equal (buffer-string) "Қазақстан Республикасы\nŞımkent")))
  (with-temp-buffer
    (insert "Шымкент")
    (let ((err (should-error (ortaq-convert-region (point-min) (point-max) nil "cta-2024") :type 'user-error)))
      (should (string-match-p "give \\(--from\\|FROM\\)" (cadr err))))
    (should (equal (buffer-string) "Шымкент"))))

(ert-deftest ortaq-conversion-is-one-undo-step ()
  (with-temp-buffer
    (buffer-enable-undo)
    (insert "Шымкент")
    (undo-boundary)
    (ortaq-convert-region (point-min) (point-max) "kk-Cyrl" "cta-2024")
    (undo-boundary)
    (should (equal (buffer-string) "Şımkent"))
    ;; One change group, up to the boundary before the conversion, restores the text.
    (let ((changes buffer-undo-list))
      (when (null (car changes)) (setq changes (cdr changes)))
      (primitive-undo 1 changes))
    (should (equal (buffer-string) "Шымкент"))))

(ert-deftest ortaq-error-leaves-the-buffer ()
  (dolist (case '(("no-such-alphabet") ("cta-2024" "kk-i=q")))
    (with-temp-buffer
      (insert "Қазақстан")
      (let ((err (should-error (apply #'ortaq-convert-region (point-min) (point-max) "kk-Cyrl" case)
                               :type 'user-error)))
        (should (string-match-p "\\`ortaq: " (cadr err))))
      (should (equal (buffer-string) "Қазақстан")))))

(defun ortaq-test-type (text)
  "Type TEXT as keys would: self-insert-command for each character, backspace for ?\\b."
  (dolist (char (string-to-list text))
    (if (eq char ?\b)
        (ortaq-type-backspace)
      (let ((last-command-event char))
        (self-insert-command 1)))))

(ert-deftest ortaq-type-mode-converts-words-as-typed ()
  (with-temp-buffer
    (setq-local ortaq-type-to "cta-2024")
    (ortaq-type-mode 1)
    (ortaq-test-type "Қаз")
    (should (equal (buffer-string) "Qaz"))                  ; the word so far, converted
    (ortaq-test-type "ақстан Шымкенх\bт")
    (should (equal (buffer-string) "Qazaqstan Şımkent"))    ; with a backspace
    (should (= (point) (point-max)))
    (ortaq-test-type " Щ")
    (should (equal (buffer-string) "Qazaqstan Şımkent Şç"))
    (ortaq-test-type "\b")                                 ; one typed letter, two shown
    (should (equal (buffer-string) "Qazaqstan Şımkent "))
    (ortaq-type-mode -1)
    (ortaq-test-type "Қ")
    (should (equal (buffer-string) "Qazaqstan Şımkent Қ"))))

;; The same through Emacs's command loop: keys as typed, DEL bound to delete-backward-char.
(ert-deftest ortaq-type-mode-through-the-command-loop ()
  (with-temp-buffer
    (switch-to-buffer (current-buffer))
    (ortaq-type-mode 1)
    (execute-kbd-macro (vconcat "Шымкенх" [?\d] "т Қаз"))
    (should (equal (buffer-string) "Şımkent Qaz"))))

;;; What differs between the two paths, checked on each.

(ert-deftest ortaq-point-stays-on-its-letter ()
  ;; Щ becomes two letters (Şç): through the module point follows у to u; through the command
  ;; it keeps its index, and lands on ç.
  (with-temp-buffer
    (insert "Щучинск")
    (goto-char 2)                       ; on у
    (ortaq-convert-region (point-min) (point-max) "kk-Cyrl" "cta-2024")
    (should (equal (buffer-string) "Şçuçinsk"))
    (should (equal (char-after) (if ortaq-test-module-p ?u ?ç))))
  (with-temp-buffer                     ; point at the end of the region stays at its end
    (insert "Щучинск Щучинск")
    (goto-char 8)
    (ortaq-convert-region (point-min) 8 "kk-Cyrl" "cta-2024")
    (should (equal (buffer-string) "Şçuçinsk Щучинск"))
    (should (= (point) (if ortaq-test-module-p 9 8)))))

(ert-deftest ortaq-raw-bytes-are-refused ()
  ;; A byte that is not UTF-8 (a raw byte in the buffer) is a user-error naming where it is.
  (with-temp-buffer
    (insert "Қазақстан\nҚаз")
    (insert (unibyte-string #xff))
    (insert "ақ")
    (let ((err (should-error (ortaq-convert-region (point-min) (point-max) "kk-Cyrl" "cta-2024")
                             :type 'user-error)))
      (should (string-match-p ":2:4: invalid UTF-8" (cadr err))))
    (should (equal (buffer-string) (concat "Қазақстан\nҚаз" (unibyte-string #xff) "ақ")))))

(ert-deftest ortaq-type-mode-reads-the-next-word ()
  ;; The one-letter word Я is YA before a word in capitals: the module's typing session waits
  ;; for that word; through the command words are converted one at a time.
  (with-temp-buffer
    (ortaq-type-mode 1)
    (ortaq-test-type "Я КЕЛДІМ")
    (should (equal (buffer-string) (if ortaq-test-module-p "YA KELDİM" "Ya KELDİM")))
    (ortaq-test-type "\b\b\b\b\b\b")
    (should (equal (buffer-string) "Ya "))
    (when ortaq-test-module-p
      ;; Backspace over the space takes back committed text, and typing goes on from there
      ;; (through the command a space ends the word: backspace then deletes characters).
      (ortaq-test-type "\b\bҚаз \bақ")
      (should (equal (buffer-string) "Qazaq")))))

(ert-deftest ortaq-type-mode-starts-again-where-point-moves ()
  (with-temp-buffer
    (ortaq-type-mode 1)
    (ortaq-test-type "Шым")
    (goto-char (point-min))
    (ortaq-test-type "Қ ")
    (goto-char (point-max))
    (ortaq-test-type "кент")
    (should (equal (buffer-string) "Q Şımkent"))))

(ert-deftest ortaq-type-mode-bad-setting ()
  ;; Through the module the session is opened with the mode, which refuses to start; through
  ;; the command each word fails, and the letter typed stays as typed.
  (with-temp-buffer
    (setq-local ortaq-type-settings '("kk-i=q"))
    (if ortaq-test-module-p
        (progn
          (should-error (ortaq-type-mode 1) :type 'user-error)
          (should-not ortaq-type-mode))
      (ortaq-type-mode 1)
      (ortaq-test-type "Қ")
      (should (equal (buffer-string) "Қ")))))

(when ortaq-test-module-p
  (ert-deftest ortaq-module-caches-transliterators ()
    (let ((t1 (ortaq--transliterator "kk-Cyrl" "cta-2024" nil)))
      (should (eq t1 (ortaq--transliterator "kk-Cyrl" "cta-2024" nil)))
      (should-not (eq t1 (ortaq--transliterator "kk-Cyrl" "cta-2024" '("kk-i=ï"))))
      (should (equal (ortaq-module-convert t1 "Щучинск" 1) '("Şçuçinsk" . 2)))))

  (ert-deftest ortaq-module-refuses-wrong-arguments ()
    (let ((t1 (ortaq--transliterator "kk-Cyrl" "cta-2024" nil)))
      (should-error (ortaq-module-convert "kk-Cyrl" "Қ") :type 'wrong-type-argument)
      (should-error (ortaq-module-convert (ortaq-module-typing-open t1) "Қ") :type 'wrong-type-argument)
      (should-error (ortaq-module-convert t1 'Қ) :type 'wrong-type-argument)
      (should-error (ortaq-module-open "kk-Cyrl" "cta-2024" '(1)) :type 'wrong-type-argument)
      (should-error (ortaq-module-typing-type t1 "Қ") :type 'wrong-type-argument)
      (should (equal (ortaq-module-convert t1 "") "")))))

;;; emacs_test.el ends here
