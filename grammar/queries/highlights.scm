; Syntax highlighting for msmigrate's Dockerfile grammar.

(keyword) @keyword
(as) @keyword
(healthcheck_type) @keyword

(comment) @comment
(parser_directive) @preproc

(line_continuation) @punctuation.special

(flag) @attribute

(image) @type
(stage_name) @label

(json_string) @string
(json_array ["[" "]" ","] @punctuation.bracket)

(heredoc_marker) @label
(heredoc_content) @string
(heredoc_end) @label

(word) @variable.parameter
(text) @string
