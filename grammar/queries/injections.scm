; Shell in RUN, CMD, ENTRYPOINT, SHELL and HEALTHCHECK shell forms, and in RUN heredoc bodies.
((shell_command) @injection.content
  (#set! injection.language "bash"))

((run_instruction
  (heredoc_body (heredoc_content) @injection.content))
  (#set! injection.language "bash"))
