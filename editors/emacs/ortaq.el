;;; ortaq.el --- Convert text between Turkic alphabets with ortaq  -*- lexical-binding: t; -*-

;; Usage:
;;   (require 'ortaq)
;;   M-x ortaq-convert-region RET cta-2024 RET        ; the region (or the buffer) to cta-2024
;;   (ortaq-convert-region (point-min) (point-max) "kk-Cyrl" "cta-2024" "kk-i=ï")

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

(provide 'ortaq)
;;; ortaq.el ends here
