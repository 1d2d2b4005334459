;;; ortaq.el --- Convert text between Turkic alphabets with ortaq  -*- lexical-binding: t; -*-

;; Usage:
;;   (require 'ortaq)
;;   M-x ortaq-convert-region RET cta-2024 RET        ; the region (or the buffer) to cta-2024
;;   (ortaq-convert-region (point-min) (point-max) "kk-Cyrl" "cta-2024" "kk-i=ï")
;;   M-x ortaq-type-mode                                ; type Cyrillic, see ortaq-type-to

;;; Commentary:

;; Converts through the dynamic module ortaq-module (the library itself: editors/emacs/module/)
;; when it was installed next to this file and loads, else by running the `ortaq' command
;; (`ortaq convert').  The region is replaced in one undo step and point stays on the same
;; letter (through the library's position mapping; through the command, on the same character
;; index).  A failure (an unknown alphabet or setting, text that is not valid UTF-8) is
;; signalled as a `user-error' and the buffer is left as it was.

;;; Code:

(require 'subr-x)   ; string-trim

(defgroup ortaq nil
  "Convert text between Turkic alphabets."
  :group 'i18n)

(defcustom ortaq-command "ortaq"
  "The ortaq command to run."
  :type 'string)

;;; The library, through the module

(defconst ortaq--module-file
  (and module-file-suffix load-file-name
       (expand-file-name (concat "ortaq-module" module-file-suffix) (file-name-directory load-file-name)))
  "Where ortaq-module is looked for: next to this file.")

(defvar ortaq-module-load-error nil
  "Why ortaq-module, found next to ortaq.el, did not load; nil when it did or is not there.")

(defun ortaq--load-module ()
  "Load ortaq-module when it is next to this file; return whether it is loaded."
  (or (featurep 'ortaq-module)
      (and ortaq--module-file (file-exists-p ortaq--module-file)
           (condition-case err
               (progn (module-load ortaq--module-file) (featurep 'ortaq-module))
             (error (setq ortaq-module-load-error (error-message-string err)) nil)))))

(defun ortaq-using-module-p ()
  "Whether ortaq converts through its dynamic module (else through the `ortaq' command)."
  (featurep 'ortaq-module))

(ortaq--load-module)

(declare-function ortaq-module-open "ortaq-module" (from to settings))
(declare-function ortaq-module-convert "ortaq-module" (transliterator text &optional position))
(declare-function ortaq-module-detect "ortaq-module" (text))
(declare-function ortaq-module-typing-open "ortaq-module" (transliterator))
(declare-function ortaq-module-typing-type "ortaq-module" (session text))
(declare-function ortaq-module-typing-backspace "ortaq-module" (session))
(declare-function ortaq-module-typing-reset "ortaq-module" (session))

(defvar ortaq--transliterators (make-hash-table :test #'equal)
  "The module's transliterators opened so far, by (FROM TO SETTINGS).")

(defun ortaq--transliterator (from to settings)
  "The module's transliterator FROM an alphabet TO another with SETTINGS, opened once."
  (let ((key (list from to settings)))
    (or (gethash key ortaq--transliterators)
        (puthash key (ortaq-module-open from to settings) ortaq--transliterators))))

(defun ortaq--check-characters (text start)
  "Signal a `user-error' when TEXT, found at START in the buffer, has a raw byte.
A raw byte (a file's byte that is not UTF-8) is no Unicode character, so no conversion
takes it: the command would refuse it as invalid UTF-8 in the same way."
  (let ((index (string-match-p "[\x3fff80-\x3fffff]" text)))
    (when index
      (save-excursion
        (goto-char (+ start index))
        (user-error "ortaq: %s:%d:%d: invalid UTF-8 (the raw byte \\%o); nothing converted"
                    (buffer-name) (line-number-at-pos) (1+ (current-column)) (- (char-after) #x3fff00))))))

(defun ortaq--module-source (from text)
  "The alphabet FROM names, or for nil or \"auto\" the one TEXT (or else the buffer) is in."
  (if (not (member from '(nil "auto")))
      from
    (or (ortaq-module-detect text)
        (let ((start (buffer-substring-no-properties (point-min) (min (point-max) (+ (point-min) 65536)))))
          (ortaq--check-characters start (point-min))
          (ortaq-module-detect start))
        (user-error "ortaq: cannot tell which alphabet this is; give FROM (--from), e.g. \"kk-Cyrl\""))))

(defun ortaq--module-convert (text from to settings position)
  "TEXT converted FROM an alphabet TO another with SETTINGS, and where POSITION went.
Return (OUTPUT . POSITION-IN-OUTPUT); POSITION is a character offset in TEXT."
  (let ((from (ortaq--module-source from text)))
    (if (equal from to)
        (cons text position)            ; already in that alphabet: nothing to convert
      (ortaq-module-convert (ortaq--transliterator from to settings) text position))))

;;; The command

(defun ortaq--run (text from to settings)
  "Return TEXT converted FROM one alphabet TO another with SETTINGS (\"KEY=VALUE\" strings).
Signal a `user-error' with the command's message when it fails."
  (let ((stderr (make-temp-file "ortaq-stderr"))
        (coding-system-for-read 'utf-8-unix)
        (coding-system-for-write 'utf-8-unix))
    (unwind-protect
        (with-temp-buffer
          (insert text)
          (let ((status
                 (condition-case err
                     (apply #'call-process-region (point-min) (point-max) ortaq-command t
                            (list t stderr) nil "convert" "--from" (or from "auto") "--to" to
                            (apply #'append (mapcar (lambda (s) (list "--set" s)) settings)))
                   (file-error (user-error "ortaq: cannot run %s: %s" ortaq-command
                                           (error-message-string err))))))
            (unless (eql status 0)
              (user-error "ortaq: %s"
                          (with-temp-buffer
                            (insert-file-contents stderr)
                            (let ((message (string-trim (buffer-string))))
                              (if (equal message "")
                                  (format "%s failed with status %s" ortaq-command status)
                                (replace-regexp-in-string "\\`ortaq: " "" message))))))
            (buffer-string)))
      (delete-file stderr))))

(defun ortaq--detect-buffer ()
  "The alphabet of the buffer's first 64 KiB as `ortaq detect' tells it, or nil."
  (let ((text (buffer-substring-no-properties (point-min) (min (point-max) (+ (point-min) 65536))))
        (coding-system-for-read 'utf-8-unix)
        (coding-system-for-write 'utf-8-unix))
    (with-temp-buffer
      (insert text)
      (when (eql 0 (ignore-errors
                     (call-process-region (point-min) (point-max) ortaq-command t '(t nil) nil "detect")))
        (let ((fields (split-string (buffer-string) "\t")))
          (and (>= (length fields) 4) (string-prefix-p "converts" (nth 3 fields)) (nth 1 fields)))))))

(defun ortaq--command-convert (text from to settings)
  "Return TEXT converted FROM an alphabet TO another with SETTINGS, by the command.
When FROM is nil or \"auto\" and TEXT is too short to tell its alphabet, the buffer's start
tells it."
  (condition-case err
      (ortaq--run text from to settings)
    (user-error
     (let ((detected (and (member from '(nil "auto"))
                          (string-match-p "give --from" (cadr err))
                          (ortaq--detect-buffer))))
       (if detected
           (ortaq--run text detected to settings)
         (signal (car err) (cdr err)))))))

;;; Converting a region

(defun ortaq--convert (text from to settings position)
  "TEXT converted FROM an alphabet TO another with SETTINGS, and where POSITION went.
Return (OUTPUT . POSITION-IN-OUTPUT).  Through the module POSITION (a character offset in
TEXT) follows its letter; through the command it keeps its index."
  (if (ortaq-using-module-p)
      (ortaq--module-convert text from to settings position)
    ;; A final newline keeps the command's line handling; it is taken off again.
    (let* ((output (ortaq--command-convert (concat text "\n") from to settings))
           (output (if (string-suffix-p "\n" output) (substring output 0 -1) output)))
      (cons output (min position (length output))))))

;;;###autoload
(defun ortaq-convert-region (beg end from to &rest settings)
  "Convert the text from BEG to END FROM an alphabet TO another, with SETTINGS.
FROM is an alphabet id such as \"kk-Cyrl\", or nil or \"auto\" to detect it; TO is the target
\(\"cta-2024\", \"kk-Latn-2021\"...); SETTINGS are \"KEY=VALUE\" strings (`ortaq list').
Interactively: the region, or the buffer when there is none; with a prefix argument, also
ask for the source alphabet and the settings.  Point stays on the same letter; the change
is one undo step.  Return the converted text."
  (interactive
   (let ((to (read-string "ortaq: convert to: " nil nil "cta-2024"))
         (from (if current-prefix-arg (read-string "ortaq: from (auto): " nil nil "auto") "auto"))
         (settings (when current-prefix-arg
                     (split-string (read-string "ortaq: settings (KEY=VALUE ...): ")))))
     (append (if (use-region-p) (list (region-beginning) (region-end)) (list (point-min) (point-max)))
             (list from to) settings)))
  (let* ((beg (min beg end))
         (end (max beg end))
         (input (buffer-substring-no-properties beg end))
         (offset (and (<= beg (point) end) (- (point) beg)))
         (converted (progn (ortaq--check-characters input beg)
                           (ortaq--convert input from to settings (or offset 0))))
         (output (car converted)))
    (unless (string= input output)
      (save-excursion
        (goto-char beg)
        (delete-region beg end)
        (insert output))
      (when offset
        (goto-char (+ beg (cdr converted)))))
    output))

;;; Typing mode

(defcustom ortaq-type-from "kk-Cyrl"
  "The alphabet typed in `ortaq-type-mode'."
  :type 'string)

(defcustom ortaq-type-to "cta-2024"
  "The alphabet `ortaq-type-mode' shows."
  :type 'string)

(defcustom ortaq-type-settings nil
  "The settings of `ortaq-type-mode': \"KEY=VALUE\" strings, such as \"kk-i=ï\"."
  :type '(repeat string))

(defvar-local ortaq--type-session nil
  "The module's typing session of `ortaq-type-mode', or nil (words go through the command).")
(defvar-local ortaq--type-start nil "Where the text shown by typing mode starts (a marker), or nil.")
(defvar-local ortaq--type-length 0 "The length of the text shown by typing mode.")
(defvar-local ortaq--type-shown "" "The end of the text shown by typing mode (at most 64 characters).")
(defvar-local ortaq--type-input "" "Through the command: the word being typed, as typed.")

(defun ortaq--type-continues-p (end)
  "Whether the text before END is still the text shown by `ortaq-type-mode'."
  (and ortaq--type-start
       (eq (marker-buffer ortaq--type-start) (current-buffer))
       (= end (+ ortaq--type-start ortaq--type-length))
       (>= (- end (point-min)) (length ortaq--type-shown))
       (string= (buffer-substring-no-properties (- end (length ortaq--type-shown)) end) ortaq--type-shown)))

(defun ortaq--type-begin (at)
  "Start showing typed text at AT."
  (setq ortaq--type-start (copy-marker at) ortaq--type-length 0 ortaq--type-shown "" ortaq--type-input "")
  (when ortaq--type-session (ortaq-module-typing-reset ortaq--type-session)))

(defun ortaq--type-edit (delete insert)
  "Delete DELETE characters before point and insert INSERT, in the text typing mode shows."
  (delete-region (- (point) delete) (point))
  (insert insert)
  (setq ortaq--type-length (+ (- ortaq--type-length delete) (length insert))
        ortaq--type-shown (buffer-substring-no-properties (max ortaq--type-start (- (point) 64)) (point))))

(defun ortaq--type-command-render (input)
  "Through the command: show the conversion of the word INPUT; return nil when it fails."
  (let ((output (condition-case err
                    (ortaq--run input ortaq-type-from ortaq-type-to ortaq-type-settings)
                  (user-error (message "%s" (cadr err)) nil))))
    (when output
      (ortaq--type-edit ortaq--type-length output)
      (setq ortaq--type-input input))))

(defun ortaq--type-letter (char)
  "Show CHAR, just inserted before point, as typing mode converts it."
  (unless (ortaq--type-continues-p (1- (point)))
    (ortaq--type-begin (1- (point))))
  (delete-char -1)
  (unless (if ortaq--type-session
              (condition-case err
                  (let ((change (ortaq-module-typing-type ortaq--type-session (string char))))
                    (ortaq--type-edit (car change) (cdr change)))
                (error (message "%s" (error-message-string err)) nil))
            (ortaq--type-command-render (concat ortaq--type-input (string char))))
    (insert char)                       ; as typed, and typing mode starts again after it
    (setq ortaq--type-start nil)))

(defun ortaq--type-after-insert ()
  "Convert what is typed (`post-self-insert-hook')."
  (let ((char last-command-event))
    (cond
     ((not (characterp char)))
     ((or (eq (get-char-code-property char 'general-category) 'Cc)
          (and (not ortaq--type-session) (eq (get-char-code-property char 'general-category) 'Zs)))
      ;; A line break or tab ends the text as typed; through the command, so does a space,
      ;; since words are converted one at a time.  The session reads spaces itself.
      (setq ortaq--type-start nil))
     (t (ortaq--type-letter char)))))

(defun ortaq-type-backspace ()
  "Delete the last letter typed in `ortaq-type-mode', or the character before point."
  (interactive)
  (let ((change
         (when (ortaq--type-continues-p (point))
           (if ortaq--type-session
               (ortaq-module-typing-backspace ortaq--type-session)
             (and (> (length ortaq--type-input) 0)
                  (let* ((input (substring ortaq--type-input 0 -1))
                         (output (if (string= input "")
                                     ""
                                   (ortaq--run input ortaq-type-from ortaq-type-to ortaq-type-settings))))
                    (setq ortaq--type-input input)
                    (cons ortaq--type-length output)))))))
    (if change
        (ortaq--type-edit (car change) (cdr change))
      (call-interactively #'delete-backward-char))))

(defvar ortaq-type-mode-map
  (let ((map (make-sparse-keymap)))
    (define-key map [remap delete-backward-char] #'ortaq-type-backspace)
    map)
  "Keys of `ortaq-type-mode'.")

;;;###autoload
(define-minor-mode ortaq-type-mode
  "Type in `ortaq-type-from' and see `ortaq-type-to' (with `ortaq-type-settings').
Each word is shown converted as it is typed, and re-converted on every letter, so a letter
whose spelling depends on the next is right once that is typed; backspace deletes one typed
letter.  Through the module, the library's typing session also applies the rules that read
the next word; through the `ortaq' command, words are converted one at a time."
  :lighter (:eval (concat " ortaq:" ortaq-type-to))
  :keymap ortaq-type-mode-map
  (setq ortaq--type-start nil ortaq--type-session nil)
  (if (not ortaq-type-mode)
      (remove-hook 'post-self-insert-hook #'ortaq--type-after-insert t)
    (when (ortaq-using-module-p)
      (condition-case err
          (setq ortaq--type-session
                (ortaq-module-typing-open (ortaq--transliterator ortaq-type-from ortaq-type-to ortaq-type-settings)))
        (user-error (setq ortaq-type-mode nil) (signal (car err) (cdr err)))))
    (add-hook 'post-self-insert-hook #'ortaq--type-after-insert nil t)))

(provide 'ortaq)
;;; ortaq.el ends here
