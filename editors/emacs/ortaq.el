;;; ortaq.el --- Convert text between Turkic alphabets with ortaq  -*- lexical-binding: t; -*-

;; Usage:
;;   (require 'ortaq)
;;   M-x ortaq-convert-region RET cta-2024 RET        ; the region (or the buffer) to cta-2024
;;   (ortaq-convert-region (point-min) (point-max) "kk-Cyrl" "cta-2024" "kk-i=ï")
;;   M-x ortaq-type-mode                                ; type Cyrillic, see ortaq-type-to

;;; Commentary:

;; Runs the `ortaq' command (`ortaq convert') on a region.  The region is replaced in one undo
;; step, point stays on the same character index within it, and when the command fails its
;; message is signalled as a `user-error' and the buffer is left as it was.

;;; Code:

(require 'subr-x)   ; string-trim

(defgroup ortaq nil
  "Convert text between Turkic alphabets."
  :group 'i18n)

(defcustom ortaq-command "ortaq"
  "The ortaq command to run."
  :type 'string)

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

(defun ortaq--convert-text (text from to settings)
  "Return TEXT converted FROM an alphabet TO another with SETTINGS.
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

;;;###autoload
(defun ortaq-convert-region (beg end from to &rest settings)
  "Convert the text from BEG to END FROM an alphabet TO another, with SETTINGS.
FROM is an alphabet id such as \"kk-Cyrl\", or nil or \"auto\" to detect it; TO is the target
\(\"cta-2024\", \"kk-Latn-2021\"...); SETTINGS are \"KEY=VALUE\" strings (`ortaq list').
Interactively: the region, or the buffer when there is none; with a prefix argument, also
ask for the source alphabet and the settings."
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
         ;; A final newline keeps the command's line handling; it is taken off again.
         (output (ortaq--convert-text (concat input "\n") from to settings))
         (output (if (string-suffix-p "\n" output) (substring output 0 -1) output))
         (offset (and (<= beg (point)) (< (point) end) (- (point) beg))))
    (unless (string= input output)
      (save-excursion
        (goto-char beg)
        (delete-region beg end)
        (insert output))
      (when offset
        (goto-char (+ beg (min offset (length output))))))
    output))

;;; Typing mode

(defcustom ortaq-type-from "kk-Cyrl"
  "The alphabet typed in `ortaq-type-mode'."
  :type 'string)

(defcustom ortaq-type-to "cta-2024"
  "The alphabet `ortaq-type-mode' shows."
  :type 'string)

(defvar-local ortaq--type-start nil "Where the word being typed starts (a marker), or nil.")
(defvar-local ortaq--type-input "" "The word being typed, as typed.")
(defvar-local ortaq--type-shown "" "The word being typed, as shown: its conversion.")

(defun ortaq--type-continues-p (end)
  "Whether the text before END is still the word shown by `ortaq-type-mode'."
  (and ortaq--type-start
       (eq (marker-buffer ortaq--type-start) (current-buffer))
       (= end (+ ortaq--type-start (length ortaq--type-shown)))
       (string= (buffer-substring-no-properties ortaq--type-start end) ortaq--type-shown)))

(defun ortaq--type-render (input)
  "Show the conversion of INPUT in place of the word shown; return nil when it fails."
  (let ((output (condition-case err
                    (ortaq--run input ortaq-type-from ortaq-type-to nil)
                  (user-error (message "%s" (cadr err)) nil))))
    (when output
      (let ((start (marker-position ortaq--type-start)))
        (delete-region start (+ start (length ortaq--type-shown)))
        (goto-char start)
        (insert output))
      (setq ortaq--type-input input ortaq--type-shown output))))

(defun ortaq--type-after-insert ()
  "Convert the word being typed after each letter (`post-self-insert-hook')."
  (let ((char last-command-event))
    (cond
     ((not (characterp char)))
     ((memq (get-char-code-property char 'general-category) '(Zs Cc))
      (setq ortaq--type-start nil))     ; white space ends the word as typed
     (t
      (unless (ortaq--type-continues-p (1- (point)))
        (setq ortaq--type-start (copy-marker (1- (point))) ortaq--type-input "" ortaq--type-shown ""))
      (delete-char -1)
      (unless (ortaq--type-render (concat ortaq--type-input (string char)))
        (insert char)
        (setq ortaq--type-start nil))))))

(defun ortaq-type-backspace ()
  "Delete the last letter typed in `ortaq-type-mode', or the character before point."
  (interactive)
  (if (and (ortaq--type-continues-p (point)) (> (length ortaq--type-input) 0))
      (let ((input (substring ortaq--type-input 0 -1)))
        (if (string= input "")
            (progn (delete-region ortaq--type-start (point)) (setq ortaq--type-start nil))
          (ortaq--type-render input)))
    (call-interactively #'delete-backward-char)))

(defvar ortaq-type-mode-map
  (let ((map (make-sparse-keymap)))
    (define-key map [remap delete-backward-char] #'ortaq-type-backspace)
    map)
  "Keys of `ortaq-type-mode'.")

;;;###autoload
(define-minor-mode ortaq-type-mode
  "Type in `ortaq-type-from' and see `ortaq-type-to': each word is converted as it is typed.
The word being typed is re-converted on every letter (so a letter whose spelling depends on
the next is right once that is typed) and backspace deletes one typed letter. Words are
converted one at a time, through the `ortaq' command."
  :lighter (:eval (concat " ortaq:" ortaq-type-to))
  :keymap ortaq-type-mode-map
  (setq ortaq--type-start nil)
  (if ortaq-type-mode
      (add-hook 'post-self-insert-hook #'ortaq--type-after-insert nil t)
    (remove-hook 'post-self-insert-hook #'ortaq--type-after-insert t)))

(provide 'ortaq)
;;; ortaq.el ends here
