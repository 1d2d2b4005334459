;;; emacs_quail_test.el --- `ortaq export --format emacs-quail' in Emacs  -*- lexical-binding: t; -*-
;; Run by ctest (editors_emacs_quail) under `emacs --batch -Q' with ORTAQ_COMMAND naming the
;; installed CLI: each input method is generated into a temporary directory on `load-path',
;; loaded with `require', selected with `set-input-method', and sentences are typed on the
;; Kazakh layout's keys with `execute-kbd-macro' (keys go through the input method as typed
;; keys do).  Expected texts come from the tests in tables/kk-Cyrl--cta-2024.tbl.

(require 'ert)
(defconst ortaq-test-command (getenv "ORTAQ_COMMAND"))
(defconst ortaq-test-dir (make-temp-file "ortaq-quail-" t))
(add-hook 'kill-emacs-hook (lambda () (delete-directory ortaq-test-dir t)))
(add-to-list 'load-path ortaq-test-dir)

(defun ortaq-test-export (name &rest args)
  "Write NAME.el with `ortaq export --format emacs-quail --name NAME ARGS'.
Return (STATUS . OUTPUT)."
  (let* ((coding-system-for-read 'utf-8-unix)
         (coding-system-for-write 'utf-8-unix)
         (file (expand-file-name (concat name ".el") ortaq-test-dir)))
    (with-temp-buffer
      (let ((status (apply #'call-process ortaq-test-command nil '(t nil) nil
                           "export" "--format" "emacs-quail" "--name" name args)))
        (write-region nil nil file nil 'silent)
        (cons status (buffer-string))))))

(defun ortaq-test-type (method keys)
  "The text KEYS type with the input method METHOD on (nil: off), in a new buffer."
  (with-temp-buffer
    (switch-to-buffer (current-buffer))
    (set-input-method method)
    (execute-kbd-macro keys)
    (buffer-string)))

(ert-deftest ortaq-quail-types-the-target-alphabet ()
  (should (eql (car (ortaq-test-export "ortaq-test-cta" "--to" "cta-2024")) 0))
  (require 'ortaq-test-cta)
  (should (assoc "ortaq-test-cta" input-method-alist))
  ;; Қазақстан Республикасы: Қ is Shift+0, а f, з p, қ 0, с c, т n, н y; Р is Shift+h, е t,
  ;; п g, у e, б the comma key, л k, и b, к r, ы s.
  (should (equal (ortaq-test-type "ortaq-test-cta" ")fpf0cnfy Htcge,kbrfcs") "Qazaqstan Respublikası"))
  ;; The digit row (ә 2, і 3, ң 4, ғ 5, ү 8, ұ 9, ө -) and Шымкент (Ш Shift+i, ы s, м v, к r,
  ;; е t, н y, т n) with the layout's full stop on 7.
  (should (equal (ortaq-test-type "ortaq-test-cta" "2345 89- Isvrtyn7") "äiñğ üūö Şımkent."))
  ;; Letters written with two: Щучинск (Щ Shift+o, у e, ч x, и b, н y, с c, к r), Я Shift+z.
  (should (equal (ortaq-test-type "ortaq-test-cta" "Oexbycr Z") "Şçuçinsk Ya"))
  ;; The input method off: keys type themselves.
  (should (equal (ortaq-test-type nil "fpf") "fpf")))

(ert-deftest ortaq-quail-setting-changes-the-method ()
  (should (eql (car (ortaq-test-export "ortaq-test-i" "--to" "cta-2024" "--set" "kk-i=ï")) 0))
  (require 'ortaq-test-i)
  (should (equal (ortaq-test-type "ortaq-test-i" ",3k3v") "bïlïm")))

(ert-deftest ortaq-quail-unknown-target-writes-nothing ()
  (let ((result (ortaq-test-export "ortaq-test-none" "--to" "no-such-alphabet")))
    (should-not (eql (car result) 0))
    (should (equal (cdr result) ""))))

;;; emacs_quail_test.el ends here
