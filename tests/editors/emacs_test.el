;;; emacs_test.el --- ERT tests of editors/emacs/ortaq.el  -*- lexical-binding: t; -*-
;; Run by ctest (editors_emacs) under `emacs --batch -Q` with the installed ortaq.el loaded and
;; ORTAQ_COMMAND naming the built CLI. Expected texts come from tables/kk-Cyrl--cta-2024.tbl.

(require 'ert)
(require 'ortaq)
(setq ortaq-command (getenv "ORTAQ_COMMAND"))

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
      (should (string-match-p "--from" (cadr err))))
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

;;; emacs_test.el ends here
