/**
 * Tree-sitter grammar for Dockerfiles, matching how BuildKit's parser reads them
 * (see ../../shared/notes/dockerfile-syntax.md when it is available).
 *
 * What is lexical lives in the external scanner (src/scanner.c): parser directives and the
 * escape character they select, comments, line continuations (with the comment and blank
 * lines they swallow), heredoc markers and bodies, the JSON-or-shell decision, and every
 * argument token (they depend on the escape character, which a regex cannot know).
 * The grammar gives each instruction its shape. Exact BuildKit argument values are computed
 * by the syntax model (src/syntax) from the raw bytes of each instruction.
 */

const ci = (word) =>
  new RegExp(word.split('').map((c) => `[${c.toLowerCase()}${c.toUpperCase()}]`).join(''));

const keyword = ($, word) => alias(token(prec(2, ci(word))), $.keyword);

module.exports = grammar({
  name: 'dockerfile',

  externals: ($) => [
    $._directive_line,
    $._directive_end,
    $.comment,
    $._newline,
    $._eof,
    $.line_continuation,
    $._exec_form_start,
    $._shell_form_start,
    $.flag,
    $._flags_end,
    $._word,
    $._quoted_word,
    $._as,
    $.shell_fragment,
    $.heredoc_marker,
    $.heredoc_content,
    $.heredoc_end,
    $._error_sentinel,
  ],

  extras: ($) => [/[ \t\f\v\r\u00a0\u0085\ufeff]/, $.line_continuation],

  rules: {
    source_file: ($) => seq(repeat($.parser_directive), repeat($._statement)),

    parser_directive: ($) => seq($._directive_line, $._directive_end),

    _statement: ($) => choice($._instruction, $.comment, $._newline),

    _instruction: ($) =>
      choice(
        $.from_instruction,
        $.run_instruction,
        $.cmd_instruction,
        $.label_instruction,
        $.maintainer_instruction,
        $.expose_instruction,
        $.env_instruction,
        $.add_instruction,
        $.copy_instruction,
        $.entrypoint_instruction,
        $.volume_instruction,
        $.user_instruction,
        $.workdir_instruction,
        $.arg_instruction,
        $.onbuild_instruction,
        $.stopsignal_instruction,
        $.healthcheck_instruction,
        $.shell_instruction,
        $.unknown_instruction,
      ),

    _line_end: ($) => choice($._newline, $._eof),
    _heredocs: ($) => repeat1($.heredoc_body),
    // An unterminated body (the file ends first) is still a body: the model reports it.
    heredoc_body: ($) => prec.right(choice(seq($.heredoc_content, optional($.heredoc_end)), $.heredoc_end)),

    _flags: ($) => choice(seq(repeat1($.flag), optional($._flags_end)), $._flags_end),

    word: ($) => $._word,
    _qword: ($) => alias($._quoted_word, $.word),

    // Exec form: the scanner emits _exec_form_start only when the whole rest of the logical
    // line is a JSON array of strings, so BuildKit's silent fallback to shell form holds.
    json_array: ($) =>
      seq($._exec_form_start, '[', optional(seq($.json_string, repeat(seq(',', $.json_string)))), ']'),
    json_string: ($) => /"([^"\\\n]|\\[^\n])*"/,

    shell_command: ($) => seq(optional($._shell_form_start), repeat1($.shell_fragment)),
    shell_command_with_heredocs: ($) =>
      seq(optional($._shell_form_start), repeat1(choice($.shell_fragment, $.heredoc_marker))),
    _shell_or_exec: ($) => choice($.json_array, $.shell_command),
    _text: ($) => alias($.shell_fragment, $.text),

    // --- instruction heads (keyword, flags, arguments), shared by ONBUILD triggers --------------
    _from_head: ($) =>
      seq(
        keyword($, 'FROM'),
        optional($._flags),
        optional(
          seq(
            field('image', alias($._word, $.image)),
            optional(seq(alias($._as, $.as), field('name', alias($._word, $.stage_name)))),
            repeat($.word),
          ),
        ),
      ),
    _run_head: ($) =>
      seq(keyword($, 'RUN'), optional($._flags), optional(choice($.json_array, alias($.shell_command_with_heredocs, $.shell_command)))),
    _cmd_head: ($) => seq(keyword($, 'CMD'), optional($._flags), optional($._shell_or_exec)),
    _entrypoint_head: ($) => seq(keyword($, 'ENTRYPOINT'), optional($._flags), optional($._shell_or_exec)),
    _shell_head: ($) => seq(keyword($, 'SHELL'), optional($._flags), optional($._shell_or_exec)),
    _copy_args: ($) =>
      choice($.json_array, seq(optional($._shell_form_start), repeat1(choice($.word, $.heredoc_marker)))),
    _copy_head: ($) => seq(keyword($, 'COPY'), optional($._flags), optional($._copy_args)),
    _add_head: ($) => seq(keyword($, 'ADD'), optional($._flags), optional($._copy_args)),
    _volume_head: ($) =>
      seq(keyword($, 'VOLUME'), optional($._flags), optional(choice($.json_array, seq(optional($._shell_form_start), repeat1($.word))))),
    _label_head: ($) => seq(keyword($, 'LABEL'), optional($._flags), repeat($._qword)),
    _env_head: ($) => seq(keyword($, 'ENV'), optional($._flags), repeat($._qword)),
    _arg_head: ($) => seq(keyword($, 'ARG'), optional($._flags), repeat($._qword)),
    _expose_head: ($) => seq(keyword($, 'EXPOSE'), optional($._flags), repeat($.word)),
    _maintainer_head: ($) => seq(keyword($, 'MAINTAINER'), optional($._flags), optional($._text)),
    _user_head: ($) => seq(keyword($, 'USER'), optional($._flags), optional($._text)),
    _workdir_head: ($) => seq(keyword($, 'WORKDIR'), optional($._flags), optional($._text)),
    _stopsignal_head: ($) => seq(keyword($, 'STOPSIGNAL'), optional($._flags), optional($._text)),
    _healthcheck_head: ($) =>
      seq(
        keyword($, 'HEALTHCHECK'),
        optional($._flags),
        optional(seq(field('type', alias($._word, $.healthcheck_type)), optional($._shell_or_exec))),
      ),
    _unknown_head: ($) =>
      seq(alias(token(prec(1, /[^ \t\r\n\f\v]+/)), $.keyword), optional($._text)),

    _trigger: ($) =>
      choice(
        alias($._from_head, $.from_instruction),
        alias($._run_head, $.run_instruction),
        alias($._cmd_head, $.cmd_instruction),
        alias($._label_head, $.label_instruction),
        alias($._maintainer_head, $.maintainer_instruction),
        alias($._expose_head, $.expose_instruction),
        alias($._env_head, $.env_instruction),
        alias($._add_head, $.add_instruction),
        alias($._copy_head, $.copy_instruction),
        alias($._entrypoint_head, $.entrypoint_instruction),
        alias($._volume_head, $.volume_instruction),
        alias($._user_head, $.user_instruction),
        alias($._workdir_head, $.workdir_instruction),
        alias($._arg_head, $.arg_instruction),
        alias($._onbuild_head, $.onbuild_instruction),
        alias($._stopsignal_head, $.stopsignal_instruction),
        alias($._healthcheck_head, $.healthcheck_instruction),
        alias($._shell_head, $.shell_instruction),
        alias($._unknown_head, $.unknown_instruction),
      ),
    _onbuild_head: ($) =>
      seq(keyword($, 'ONBUILD'), optional($._flags), optional(field('trigger', $._trigger))),

    // --- top-level instructions: head, end of line, heredoc bodies (RUN/COPY/ADD/ONBUILD) ---------
    from_instruction: ($) => seq($._from_head, $._line_end),
    run_instruction: ($) => seq($._run_head, $._line_end, optional($._heredocs)),
    cmd_instruction: ($) => seq($._cmd_head, $._line_end),
    label_instruction: ($) => seq($._label_head, $._line_end),
    maintainer_instruction: ($) => seq($._maintainer_head, $._line_end),
    expose_instruction: ($) => seq($._expose_head, $._line_end),
    env_instruction: ($) => seq($._env_head, $._line_end),
    add_instruction: ($) => seq($._add_head, $._line_end, optional($._heredocs)),
    copy_instruction: ($) => seq($._copy_head, $._line_end, optional($._heredocs)),
    entrypoint_instruction: ($) => seq($._entrypoint_head, $._line_end),
    volume_instruction: ($) => seq($._volume_head, $._line_end),
    user_instruction: ($) => seq($._user_head, $._line_end),
    workdir_instruction: ($) => seq($._workdir_head, $._line_end),
    arg_instruction: ($) => seq($._arg_head, $._line_end),
    onbuild_instruction: ($) => seq($._onbuild_head, $._line_end, optional($._heredocs)),
    stopsignal_instruction: ($) => seq($._stopsignal_head, $._line_end),
    healthcheck_instruction: ($) => seq($._healthcheck_head, $._line_end),
    shell_instruction: ($) => seq($._shell_head, $._line_end),
    unknown_instruction: ($) => seq($._unknown_head, $._line_end),
  },
});
