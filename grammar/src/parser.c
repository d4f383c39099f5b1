#include "tree_sitter/parser.h"

#if defined(__GNUC__) || defined(__clang__)
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#endif

#define LANGUAGE_VERSION 14
#define STATE_COUNT 215
#define LARGE_STATE_COUNT 6
#define SYMBOL_COUNT 106
#define ALIAS_COUNT 4
#define TOKEN_COUNT 42
#define EXTERNAL_TOKEN_COUNT 18
#define FIELD_COUNT 4
#define MAX_ALIAS_SEQUENCE_LENGTH 6
#define PRODUCTION_ID_COUNT 32

enum ts_symbol_identifiers {
  anon_sym_LBRACK = 1,
  anon_sym_COMMA = 2,
  anon_sym_RBRACK = 3,
  sym_json_string = 4,
  aux_sym__from_head_token1 = 5,
  aux_sym__run_head_token1 = 6,
  aux_sym__cmd_head_token1 = 7,
  aux_sym__entrypoint_head_token1 = 8,
  aux_sym__shell_head_token1 = 9,
  aux_sym__copy_head_token1 = 10,
  aux_sym__add_head_token1 = 11,
  aux_sym__volume_head_token1 = 12,
  aux_sym__label_head_token1 = 13,
  aux_sym__env_head_token1 = 14,
  aux_sym__arg_head_token1 = 15,
  aux_sym__expose_head_token1 = 16,
  aux_sym__maintainer_head_token1 = 17,
  aux_sym__user_head_token1 = 18,
  aux_sym__workdir_head_token1 = 19,
  aux_sym__stopsignal_head_token1 = 20,
  aux_sym__healthcheck_head_token1 = 21,
  aux_sym__unknown_head_token1 = 22,
  aux_sym__onbuild_head_token1 = 23,
  sym__directive_line = 24,
  sym__directive_end = 25,
  sym_comment = 26,
  sym__newline = 27,
  sym__eof = 28,
  sym_line_continuation = 29,
  sym__exec_form_start = 30,
  sym__shell_form_start = 31,
  sym_flag = 32,
  sym__flags_end = 33,
  sym__word = 34,
  sym__quoted_word = 35,
  sym__as = 36,
  sym_shell_fragment = 37,
  sym_heredoc_marker = 38,
  sym_heredoc_content = 39,
  sym_heredoc_end = 40,
  sym__error_sentinel = 41,
  sym_source_file = 42,
  sym_parser_directive = 43,
  sym__statement = 44,
  sym__instruction = 45,
  sym__line_end = 46,
  aux_sym__heredocs = 47,
  sym_heredoc_body = 48,
  sym__flags = 49,
  sym_word = 50,
  sym__qword = 51,
  sym_json_array = 52,
  sym_shell_command = 53,
  sym_shell_command_with_heredocs = 54,
  sym__shell_or_exec = 55,
  sym__text = 56,
  sym__from_head = 57,
  sym__run_head = 58,
  sym__cmd_head = 59,
  sym__entrypoint_head = 60,
  sym__shell_head = 61,
  sym__copy_args = 62,
  sym__copy_head = 63,
  sym__add_head = 64,
  sym__volume_head = 65,
  sym__label_head = 66,
  sym__env_head = 67,
  sym__arg_head = 68,
  sym__expose_head = 69,
  sym__maintainer_head = 70,
  sym__user_head = 71,
  sym__workdir_head = 72,
  sym__stopsignal_head = 73,
  sym__healthcheck_head = 74,
  sym__unknown_head = 75,
  sym__trigger = 76,
  sym__onbuild_head = 77,
  sym_from_instruction = 78,
  sym_run_instruction = 79,
  sym_cmd_instruction = 80,
  sym_label_instruction = 81,
  sym_maintainer_instruction = 82,
  sym_expose_instruction = 83,
  sym_env_instruction = 84,
  sym_add_instruction = 85,
  sym_copy_instruction = 86,
  sym_entrypoint_instruction = 87,
  sym_volume_instruction = 88,
  sym_user_instruction = 89,
  sym_workdir_instruction = 90,
  sym_arg_instruction = 91,
  sym_onbuild_instruction = 92,
  sym_stopsignal_instruction = 93,
  sym_healthcheck_instruction = 94,
  sym_shell_instruction = 95,
  sym_unknown_instruction = 96,
  aux_sym_source_file_repeat1 = 97,
  aux_sym_source_file_repeat2 = 98,
  aux_sym__flags_repeat1 = 99,
  aux_sym_json_array_repeat1 = 100,
  aux_sym_shell_command_repeat1 = 101,
  aux_sym_shell_command_with_heredocs_repeat1 = 102,
  aux_sym__from_head_repeat1 = 103,
  aux_sym__copy_args_repeat1 = 104,
  aux_sym__label_head_repeat1 = 105,
  alias_sym_healthcheck_type = 106,
  alias_sym_image = 107,
  alias_sym_stage_name = 108,
  alias_sym_text = 109,
};

static const char * const ts_symbol_names[] = {
  [ts_builtin_sym_end] = "end",
  [anon_sym_LBRACK] = "[",
  [anon_sym_COMMA] = ",",
  [anon_sym_RBRACK] = "]",
  [sym_json_string] = "json_string",
  [aux_sym__from_head_token1] = "keyword",
  [aux_sym__run_head_token1] = "keyword",
  [aux_sym__cmd_head_token1] = "keyword",
  [aux_sym__entrypoint_head_token1] = "keyword",
  [aux_sym__shell_head_token1] = "keyword",
  [aux_sym__copy_head_token1] = "keyword",
  [aux_sym__add_head_token1] = "keyword",
  [aux_sym__volume_head_token1] = "keyword",
  [aux_sym__label_head_token1] = "keyword",
  [aux_sym__env_head_token1] = "keyword",
  [aux_sym__arg_head_token1] = "keyword",
  [aux_sym__expose_head_token1] = "keyword",
  [aux_sym__maintainer_head_token1] = "keyword",
  [aux_sym__user_head_token1] = "keyword",
  [aux_sym__workdir_head_token1] = "keyword",
  [aux_sym__stopsignal_head_token1] = "keyword",
  [aux_sym__healthcheck_head_token1] = "keyword",
  [aux_sym__unknown_head_token1] = "keyword",
  [aux_sym__onbuild_head_token1] = "keyword",
  [sym__directive_line] = "_directive_line",
  [sym__directive_end] = "_directive_end",
  [sym_comment] = "comment",
  [sym__newline] = "_newline",
  [sym__eof] = "_eof",
  [sym_line_continuation] = "line_continuation",
  [sym__exec_form_start] = "_exec_form_start",
  [sym__shell_form_start] = "_shell_form_start",
  [sym_flag] = "flag",
  [sym__flags_end] = "_flags_end",
  [sym__word] = "_word",
  [sym__quoted_word] = "word",
  [sym__as] = "as",
  [sym_shell_fragment] = "shell_fragment",
  [sym_heredoc_marker] = "heredoc_marker",
  [sym_heredoc_content] = "heredoc_content",
  [sym_heredoc_end] = "heredoc_end",
  [sym__error_sentinel] = "_error_sentinel",
  [sym_source_file] = "source_file",
  [sym_parser_directive] = "parser_directive",
  [sym__statement] = "_statement",
  [sym__instruction] = "_instruction",
  [sym__line_end] = "_line_end",
  [aux_sym__heredocs] = "_heredocs",
  [sym_heredoc_body] = "heredoc_body",
  [sym__flags] = "_flags",
  [sym_word] = "word",
  [sym__qword] = "_qword",
  [sym_json_array] = "json_array",
  [sym_shell_command] = "shell_command",
  [sym_shell_command_with_heredocs] = "shell_command",
  [sym__shell_or_exec] = "_shell_or_exec",
  [sym__text] = "_text",
  [sym__from_head] = "_from_head",
  [sym__run_head] = "_run_head",
  [sym__cmd_head] = "_cmd_head",
  [sym__entrypoint_head] = "_entrypoint_head",
  [sym__shell_head] = "_shell_head",
  [sym__copy_args] = "_copy_args",
  [sym__copy_head] = "_copy_head",
  [sym__add_head] = "_add_head",
  [sym__volume_head] = "_volume_head",
  [sym__label_head] = "_label_head",
  [sym__env_head] = "_env_head",
  [sym__arg_head] = "_arg_head",
  [sym__expose_head] = "_expose_head",
  [sym__maintainer_head] = "_maintainer_head",
  [sym__user_head] = "_user_head",
  [sym__workdir_head] = "_workdir_head",
  [sym__stopsignal_head] = "_stopsignal_head",
  [sym__healthcheck_head] = "_healthcheck_head",
  [sym__unknown_head] = "_unknown_head",
  [sym__trigger] = "_trigger",
  [sym__onbuild_head] = "_onbuild_head",
  [sym_from_instruction] = "from_instruction",
  [sym_run_instruction] = "run_instruction",
  [sym_cmd_instruction] = "cmd_instruction",
  [sym_label_instruction] = "label_instruction",
  [sym_maintainer_instruction] = "maintainer_instruction",
  [sym_expose_instruction] = "expose_instruction",
  [sym_env_instruction] = "env_instruction",
  [sym_add_instruction] = "add_instruction",
  [sym_copy_instruction] = "copy_instruction",
  [sym_entrypoint_instruction] = "entrypoint_instruction",
  [sym_volume_instruction] = "volume_instruction",
  [sym_user_instruction] = "user_instruction",
  [sym_workdir_instruction] = "workdir_instruction",
  [sym_arg_instruction] = "arg_instruction",
  [sym_onbuild_instruction] = "onbuild_instruction",
  [sym_stopsignal_instruction] = "stopsignal_instruction",
  [sym_healthcheck_instruction] = "healthcheck_instruction",
  [sym_shell_instruction] = "shell_instruction",
  [sym_unknown_instruction] = "unknown_instruction",
  [aux_sym_source_file_repeat1] = "source_file_repeat1",
  [aux_sym_source_file_repeat2] = "source_file_repeat2",
  [aux_sym__flags_repeat1] = "_flags_repeat1",
  [aux_sym_json_array_repeat1] = "json_array_repeat1",
  [aux_sym_shell_command_repeat1] = "shell_command_repeat1",
  [aux_sym_shell_command_with_heredocs_repeat1] = "shell_command_with_heredocs_repeat1",
  [aux_sym__from_head_repeat1] = "_from_head_repeat1",
  [aux_sym__copy_args_repeat1] = "_copy_args_repeat1",
  [aux_sym__label_head_repeat1] = "_label_head_repeat1",
  [alias_sym_healthcheck_type] = "healthcheck_type",
  [alias_sym_image] = "image",
  [alias_sym_stage_name] = "stage_name",
  [alias_sym_text] = "text",
};

static const TSSymbol ts_symbol_map[] = {
  [ts_builtin_sym_end] = ts_builtin_sym_end,
  [anon_sym_LBRACK] = anon_sym_LBRACK,
  [anon_sym_COMMA] = anon_sym_COMMA,
  [anon_sym_RBRACK] = anon_sym_RBRACK,
  [sym_json_string] = sym_json_string,
  [aux_sym__from_head_token1] = aux_sym__from_head_token1,
  [aux_sym__run_head_token1] = aux_sym__from_head_token1,
  [aux_sym__cmd_head_token1] = aux_sym__from_head_token1,
  [aux_sym__entrypoint_head_token1] = aux_sym__from_head_token1,
  [aux_sym__shell_head_token1] = aux_sym__from_head_token1,
  [aux_sym__copy_head_token1] = aux_sym__from_head_token1,
  [aux_sym__add_head_token1] = aux_sym__from_head_token1,
  [aux_sym__volume_head_token1] = aux_sym__from_head_token1,
  [aux_sym__label_head_token1] = aux_sym__from_head_token1,
  [aux_sym__env_head_token1] = aux_sym__from_head_token1,
  [aux_sym__arg_head_token1] = aux_sym__from_head_token1,
  [aux_sym__expose_head_token1] = aux_sym__from_head_token1,
  [aux_sym__maintainer_head_token1] = aux_sym__from_head_token1,
  [aux_sym__user_head_token1] = aux_sym__from_head_token1,
  [aux_sym__workdir_head_token1] = aux_sym__from_head_token1,
  [aux_sym__stopsignal_head_token1] = aux_sym__from_head_token1,
  [aux_sym__healthcheck_head_token1] = aux_sym__from_head_token1,
  [aux_sym__unknown_head_token1] = aux_sym__from_head_token1,
  [aux_sym__onbuild_head_token1] = aux_sym__from_head_token1,
  [sym__directive_line] = sym__directive_line,
  [sym__directive_end] = sym__directive_end,
  [sym_comment] = sym_comment,
  [sym__newline] = sym__newline,
  [sym__eof] = sym__eof,
  [sym_line_continuation] = sym_line_continuation,
  [sym__exec_form_start] = sym__exec_form_start,
  [sym__shell_form_start] = sym__shell_form_start,
  [sym_flag] = sym_flag,
  [sym__flags_end] = sym__flags_end,
  [sym__word] = sym__word,
  [sym__quoted_word] = sym_word,
  [sym__as] = sym__as,
  [sym_shell_fragment] = sym_shell_fragment,
  [sym_heredoc_marker] = sym_heredoc_marker,
  [sym_heredoc_content] = sym_heredoc_content,
  [sym_heredoc_end] = sym_heredoc_end,
  [sym__error_sentinel] = sym__error_sentinel,
  [sym_source_file] = sym_source_file,
  [sym_parser_directive] = sym_parser_directive,
  [sym__statement] = sym__statement,
  [sym__instruction] = sym__instruction,
  [sym__line_end] = sym__line_end,
  [aux_sym__heredocs] = aux_sym__heredocs,
  [sym_heredoc_body] = sym_heredoc_body,
  [sym__flags] = sym__flags,
  [sym_word] = sym_word,
  [sym__qword] = sym__qword,
  [sym_json_array] = sym_json_array,
  [sym_shell_command] = sym_shell_command,
  [sym_shell_command_with_heredocs] = sym_shell_command,
  [sym__shell_or_exec] = sym__shell_or_exec,
  [sym__text] = sym__text,
  [sym__from_head] = sym__from_head,
  [sym__run_head] = sym__run_head,
  [sym__cmd_head] = sym__cmd_head,
  [sym__entrypoint_head] = sym__entrypoint_head,
  [sym__shell_head] = sym__shell_head,
  [sym__copy_args] = sym__copy_args,
  [sym__copy_head] = sym__copy_head,
  [sym__add_head] = sym__add_head,
  [sym__volume_head] = sym__volume_head,
  [sym__label_head] = sym__label_head,
  [sym__env_head] = sym__env_head,
  [sym__arg_head] = sym__arg_head,
  [sym__expose_head] = sym__expose_head,
  [sym__maintainer_head] = sym__maintainer_head,
  [sym__user_head] = sym__user_head,
  [sym__workdir_head] = sym__workdir_head,
  [sym__stopsignal_head] = sym__stopsignal_head,
  [sym__healthcheck_head] = sym__healthcheck_head,
  [sym__unknown_head] = sym__unknown_head,
  [sym__trigger] = sym__trigger,
  [sym__onbuild_head] = sym__onbuild_head,
  [sym_from_instruction] = sym_from_instruction,
  [sym_run_instruction] = sym_run_instruction,
  [sym_cmd_instruction] = sym_cmd_instruction,
  [sym_label_instruction] = sym_label_instruction,
  [sym_maintainer_instruction] = sym_maintainer_instruction,
  [sym_expose_instruction] = sym_expose_instruction,
  [sym_env_instruction] = sym_env_instruction,
  [sym_add_instruction] = sym_add_instruction,
  [sym_copy_instruction] = sym_copy_instruction,
  [sym_entrypoint_instruction] = sym_entrypoint_instruction,
  [sym_volume_instruction] = sym_volume_instruction,
  [sym_user_instruction] = sym_user_instruction,
  [sym_workdir_instruction] = sym_workdir_instruction,
  [sym_arg_instruction] = sym_arg_instruction,
  [sym_onbuild_instruction] = sym_onbuild_instruction,
  [sym_stopsignal_instruction] = sym_stopsignal_instruction,
  [sym_healthcheck_instruction] = sym_healthcheck_instruction,
  [sym_shell_instruction] = sym_shell_instruction,
  [sym_unknown_instruction] = sym_unknown_instruction,
  [aux_sym_source_file_repeat1] = aux_sym_source_file_repeat1,
  [aux_sym_source_file_repeat2] = aux_sym_source_file_repeat2,
  [aux_sym__flags_repeat1] = aux_sym__flags_repeat1,
  [aux_sym_json_array_repeat1] = aux_sym_json_array_repeat1,
  [aux_sym_shell_command_repeat1] = aux_sym_shell_command_repeat1,
  [aux_sym_shell_command_with_heredocs_repeat1] = aux_sym_shell_command_with_heredocs_repeat1,
  [aux_sym__from_head_repeat1] = aux_sym__from_head_repeat1,
  [aux_sym__copy_args_repeat1] = aux_sym__copy_args_repeat1,
  [aux_sym__label_head_repeat1] = aux_sym__label_head_repeat1,
  [alias_sym_healthcheck_type] = alias_sym_healthcheck_type,
  [alias_sym_image] = alias_sym_image,
  [alias_sym_stage_name] = alias_sym_stage_name,
  [alias_sym_text] = alias_sym_text,
};

static const TSSymbolMetadata ts_symbol_metadata[] = {
  [ts_builtin_sym_end] = {
    .visible = false,
    .named = true,
  },
  [anon_sym_LBRACK] = {
    .visible = true,
    .named = false,
  },
  [anon_sym_COMMA] = {
    .visible = true,
    .named = false,
  },
  [anon_sym_RBRACK] = {
    .visible = true,
    .named = false,
  },
  [sym_json_string] = {
    .visible = true,
    .named = true,
  },
  [aux_sym__from_head_token1] = {
    .visible = true,
    .named = true,
  },
  [aux_sym__run_head_token1] = {
    .visible = true,
    .named = true,
  },
  [aux_sym__cmd_head_token1] = {
    .visible = true,
    .named = true,
  },
  [aux_sym__entrypoint_head_token1] = {
    .visible = true,
    .named = true,
  },
  [aux_sym__shell_head_token1] = {
    .visible = true,
    .named = true,
  },
  [aux_sym__copy_head_token1] = {
    .visible = true,
    .named = true,
  },
  [aux_sym__add_head_token1] = {
    .visible = true,
    .named = true,
  },
  [aux_sym__volume_head_token1] = {
    .visible = true,
    .named = true,
  },
  [aux_sym__label_head_token1] = {
    .visible = true,
    .named = true,
  },
  [aux_sym__env_head_token1] = {
    .visible = true,
    .named = true,
  },
  [aux_sym__arg_head_token1] = {
    .visible = true,
    .named = true,
  },
  [aux_sym__expose_head_token1] = {
    .visible = true,
    .named = true,
  },
  [aux_sym__maintainer_head_token1] = {
    .visible = true,
    .named = true,
  },
  [aux_sym__user_head_token1] = {
    .visible = true,
    .named = true,
  },
  [aux_sym__workdir_head_token1] = {
    .visible = true,
    .named = true,
  },
  [aux_sym__stopsignal_head_token1] = {
    .visible = true,
    .named = true,
  },
  [aux_sym__healthcheck_head_token1] = {
    .visible = true,
    .named = true,
  },
  [aux_sym__unknown_head_token1] = {
    .visible = true,
    .named = true,
  },
  [aux_sym__onbuild_head_token1] = {
    .visible = true,
    .named = true,
  },
  [sym__directive_line] = {
    .visible = false,
    .named = true,
  },
  [sym__directive_end] = {
    .visible = false,
    .named = true,
  },
  [sym_comment] = {
    .visible = true,
    .named = true,
  },
  [sym__newline] = {
    .visible = false,
    .named = true,
  },
  [sym__eof] = {
    .visible = false,
    .named = true,
  },
  [sym_line_continuation] = {
    .visible = true,
    .named = true,
  },
  [sym__exec_form_start] = {
    .visible = false,
    .named = true,
  },
  [sym__shell_form_start] = {
    .visible = false,
    .named = true,
  },
  [sym_flag] = {
    .visible = true,
    .named = true,
  },
  [sym__flags_end] = {
    .visible = false,
    .named = true,
  },
  [sym__word] = {
    .visible = false,
    .named = true,
  },
  [sym__quoted_word] = {
    .visible = true,
    .named = true,
  },
  [sym__as] = {
    .visible = true,
    .named = true,
  },
  [sym_shell_fragment] = {
    .visible = true,
    .named = true,
  },
  [sym_heredoc_marker] = {
    .visible = true,
    .named = true,
  },
  [sym_heredoc_content] = {
    .visible = true,
    .named = true,
  },
  [sym_heredoc_end] = {
    .visible = true,
    .named = true,
  },
  [sym__error_sentinel] = {
    .visible = false,
    .named = true,
  },
  [sym_source_file] = {
    .visible = true,
    .named = true,
  },
  [sym_parser_directive] = {
    .visible = true,
    .named = true,
  },
  [sym__statement] = {
    .visible = false,
    .named = true,
  },
  [sym__instruction] = {
    .visible = false,
    .named = true,
  },
  [sym__line_end] = {
    .visible = false,
    .named = true,
  },
  [aux_sym__heredocs] = {
    .visible = false,
    .named = false,
  },
  [sym_heredoc_body] = {
    .visible = true,
    .named = true,
  },
  [sym__flags] = {
    .visible = false,
    .named = true,
  },
  [sym_word] = {
    .visible = true,
    .named = true,
  },
  [sym__qword] = {
    .visible = false,
    .named = true,
  },
  [sym_json_array] = {
    .visible = true,
    .named = true,
  },
  [sym_shell_command] = {
    .visible = true,
    .named = true,
  },
  [sym_shell_command_with_heredocs] = {
    .visible = true,
    .named = true,
  },
  [sym__shell_or_exec] = {
    .visible = false,
    .named = true,
  },
  [sym__text] = {
    .visible = false,
    .named = true,
  },
  [sym__from_head] = {
    .visible = false,
    .named = true,
  },
  [sym__run_head] = {
    .visible = false,
    .named = true,
  },
  [sym__cmd_head] = {
    .visible = false,
    .named = true,
  },
  [sym__entrypoint_head] = {
    .visible = false,
    .named = true,
  },
  [sym__shell_head] = {
    .visible = false,
    .named = true,
  },
  [sym__copy_args] = {
    .visible = false,
    .named = true,
  },
  [sym__copy_head] = {
    .visible = false,
    .named = true,
  },
  [sym__add_head] = {
    .visible = false,
    .named = true,
  },
  [sym__volume_head] = {
    .visible = false,
    .named = true,
  },
  [sym__label_head] = {
    .visible = false,
    .named = true,
  },
  [sym__env_head] = {
    .visible = false,
    .named = true,
  },
  [sym__arg_head] = {
    .visible = false,
    .named = true,
  },
  [sym__expose_head] = {
    .visible = false,
    .named = true,
  },
  [sym__maintainer_head] = {
    .visible = false,
    .named = true,
  },
  [sym__user_head] = {
    .visible = false,
    .named = true,
  },
  [sym__workdir_head] = {
    .visible = false,
    .named = true,
  },
  [sym__stopsignal_head] = {
    .visible = false,
    .named = true,
  },
  [sym__healthcheck_head] = {
    .visible = false,
    .named = true,
  },
  [sym__unknown_head] = {
    .visible = false,
    .named = true,
  },
  [sym__trigger] = {
    .visible = false,
    .named = true,
  },
  [sym__onbuild_head] = {
    .visible = false,
    .named = true,
  },
  [sym_from_instruction] = {
    .visible = true,
    .named = true,
  },
  [sym_run_instruction] = {
    .visible = true,
    .named = true,
  },
  [sym_cmd_instruction] = {
    .visible = true,
    .named = true,
  },
  [sym_label_instruction] = {
    .visible = true,
    .named = true,
  },
  [sym_maintainer_instruction] = {
    .visible = true,
    .named = true,
  },
  [sym_expose_instruction] = {
    .visible = true,
    .named = true,
  },
  [sym_env_instruction] = {
    .visible = true,
    .named = true,
  },
  [sym_add_instruction] = {
    .visible = true,
    .named = true,
  },
  [sym_copy_instruction] = {
    .visible = true,
    .named = true,
  },
  [sym_entrypoint_instruction] = {
    .visible = true,
    .named = true,
  },
  [sym_volume_instruction] = {
    .visible = true,
    .named = true,
  },
  [sym_user_instruction] = {
    .visible = true,
    .named = true,
  },
  [sym_workdir_instruction] = {
    .visible = true,
    .named = true,
  },
  [sym_arg_instruction] = {
    .visible = true,
    .named = true,
  },
  [sym_onbuild_instruction] = {
    .visible = true,
    .named = true,
  },
  [sym_stopsignal_instruction] = {
    .visible = true,
    .named = true,
  },
  [sym_healthcheck_instruction] = {
    .visible = true,
    .named = true,
  },
  [sym_shell_instruction] = {
    .visible = true,
    .named = true,
  },
  [sym_unknown_instruction] = {
    .visible = true,
    .named = true,
  },
  [aux_sym_source_file_repeat1] = {
    .visible = false,
    .named = false,
  },
  [aux_sym_source_file_repeat2] = {
    .visible = false,
    .named = false,
  },
  [aux_sym__flags_repeat1] = {
    .visible = false,
    .named = false,
  },
  [aux_sym_json_array_repeat1] = {
    .visible = false,
    .named = false,
  },
  [aux_sym_shell_command_repeat1] = {
    .visible = false,
    .named = false,
  },
  [aux_sym_shell_command_with_heredocs_repeat1] = {
    .visible = false,
    .named = false,
  },
  [aux_sym__from_head_repeat1] = {
    .visible = false,
    .named = false,
  },
  [aux_sym__copy_args_repeat1] = {
    .visible = false,
    .named = false,
  },
  [aux_sym__label_head_repeat1] = {
    .visible = false,
    .named = false,
  },
  [alias_sym_healthcheck_type] = {
    .visible = true,
    .named = true,
  },
  [alias_sym_image] = {
    .visible = true,
    .named = true,
  },
  [alias_sym_stage_name] = {
    .visible = true,
    .named = true,
  },
  [alias_sym_text] = {
    .visible = true,
    .named = true,
  },
};

enum ts_field_identifiers {
  field_image = 1,
  field_name = 2,
  field_trigger = 3,
  field_type = 4,
};

static const char * const ts_field_names[] = {
  [0] = NULL,
  [field_image] = "image",
  [field_name] = "name",
  [field_trigger] = "trigger",
  [field_type] = "type",
};

static const TSFieldMapSlice ts_field_map_slices[PRODUCTION_ID_COUNT] = {
  [1] = {.index = 0, .length = 1},
  [3] = {.index = 1, .length = 1},
  [4] = {.index = 2, .length = 2},
  [20] = {.index = 4, .length = 1},
  [22] = {.index = 5, .length = 1},
  [23] = {.index = 6, .length = 1},
  [24] = {.index = 2, .length = 2},
  [25] = {.index = 4, .length = 1},
  [26] = {.index = 6, .length = 1},
  [27] = {.index = 7, .length = 1},
  [28] = {.index = 8, .length = 1},
  [29] = {.index = 9, .length = 1},
  [30] = {.index = 10, .length = 2},
  [31] = {.index = 12, .length = 2},
};

static const TSFieldMapEntry ts_field_map_entries[] = {
  [0] =
    {field_image, 1},
  [1] =
    {field_type, 1},
  [2] =
    {field_image, 0, .inherited = true},
    {field_name, 0, .inherited = true},
  [4] =
    {field_type, 0, .inherited = true},
  [5] =
    {field_trigger, 1},
  [6] =
    {field_trigger, 0, .inherited = true},
  [7] =
    {field_image, 2},
  [8] =
    {field_type, 2},
  [9] =
    {field_trigger, 2},
  [10] =
    {field_image, 1},
    {field_name, 3},
  [12] =
    {field_image, 2},
    {field_name, 4},
};

static const TSSymbol ts_alias_sequences[PRODUCTION_ID_COUNT][MAX_ALIAS_SEQUENCE_LENGTH] = {
  [0] = {0},
  [1] = {
    [1] = alias_sym_image,
  },
  [2] = {
    [0] = alias_sym_text,
  },
  [3] = {
    [1] = alias_sym_healthcheck_type,
  },
  [4] = {
    [0] = sym_from_instruction,
  },
  [5] = {
    [0] = sym_run_instruction,
  },
  [6] = {
    [0] = sym_cmd_instruction,
  },
  [7] = {
    [0] = sym_entrypoint_instruction,
  },
  [8] = {
    [0] = sym_shell_instruction,
  },
  [9] = {
    [0] = sym_copy_instruction,
  },
  [10] = {
    [0] = sym_add_instruction,
  },
  [11] = {
    [0] = sym_volume_instruction,
  },
  [12] = {
    [0] = sym_label_instruction,
  },
  [13] = {
    [0] = sym_env_instruction,
  },
  [14] = {
    [0] = sym_arg_instruction,
  },
  [15] = {
    [0] = sym_expose_instruction,
  },
  [16] = {
    [0] = sym_maintainer_instruction,
  },
  [17] = {
    [0] = sym_user_instruction,
  },
  [18] = {
    [0] = sym_workdir_instruction,
  },
  [19] = {
    [0] = sym_stopsignal_instruction,
  },
  [20] = {
    [0] = sym_healthcheck_instruction,
  },
  [21] = {
    [0] = sym_unknown_instruction,
  },
  [23] = {
    [0] = sym_onbuild_instruction,
  },
  [27] = {
    [2] = alias_sym_image,
  },
  [28] = {
    [2] = alias_sym_healthcheck_type,
  },
  [30] = {
    [1] = alias_sym_image,
    [3] = alias_sym_stage_name,
  },
  [31] = {
    [2] = alias_sym_image,
    [4] = alias_sym_stage_name,
  },
};

static const uint16_t ts_non_terminal_alias_map[] = {
  sym__from_head, 2,
    sym__from_head,
    sym_from_instruction,
  sym__run_head, 2,
    sym__run_head,
    sym_run_instruction,
  sym__cmd_head, 2,
    sym__cmd_head,
    sym_cmd_instruction,
  sym__entrypoint_head, 2,
    sym__entrypoint_head,
    sym_entrypoint_instruction,
  sym__shell_head, 2,
    sym__shell_head,
    sym_shell_instruction,
  sym__copy_head, 2,
    sym__copy_head,
    sym_copy_instruction,
  sym__add_head, 2,
    sym__add_head,
    sym_add_instruction,
  sym__volume_head, 2,
    sym__volume_head,
    sym_volume_instruction,
  sym__label_head, 2,
    sym__label_head,
    sym_label_instruction,
  sym__env_head, 2,
    sym__env_head,
    sym_env_instruction,
  sym__arg_head, 2,
    sym__arg_head,
    sym_arg_instruction,
  sym__expose_head, 2,
    sym__expose_head,
    sym_expose_instruction,
  sym__maintainer_head, 2,
    sym__maintainer_head,
    sym_maintainer_instruction,
  sym__user_head, 2,
    sym__user_head,
    sym_user_instruction,
  sym__workdir_head, 2,
    sym__workdir_head,
    sym_workdir_instruction,
  sym__stopsignal_head, 2,
    sym__stopsignal_head,
    sym_stopsignal_instruction,
  sym__healthcheck_head, 2,
    sym__healthcheck_head,
    sym_healthcheck_instruction,
  sym__unknown_head, 2,
    sym__unknown_head,
    sym_unknown_instruction,
  sym__onbuild_head, 2,
    sym__onbuild_head,
    sym_onbuild_instruction,
  0,
};

static const TSStateId ts_primary_state_ids[STATE_COUNT] = {
  [0] = 0,
  [1] = 1,
  [2] = 2,
  [3] = 3,
  [4] = 4,
  [5] = 5,
  [6] = 6,
  [7] = 7,
  [8] = 8,
  [9] = 9,
  [10] = 10,
  [11] = 11,
  [12] = 12,
  [13] = 13,
  [14] = 14,
  [15] = 15,
  [16] = 16,
  [17] = 17,
  [18] = 18,
  [19] = 19,
  [20] = 20,
  [21] = 21,
  [22] = 22,
  [23] = 23,
  [24] = 24,
  [25] = 25,
  [26] = 26,
  [27] = 27,
  [28] = 28,
  [29] = 29,
  [30] = 30,
  [31] = 31,
  [32] = 32,
  [33] = 33,
  [34] = 34,
  [35] = 35,
  [36] = 36,
  [37] = 37,
  [38] = 38,
  [39] = 39,
  [40] = 40,
  [41] = 41,
  [42] = 42,
  [43] = 43,
  [44] = 44,
  [45] = 45,
  [46] = 46,
  [47] = 47,
  [48] = 48,
  [49] = 49,
  [50] = 50,
  [51] = 51,
  [52] = 52,
  [53] = 53,
  [54] = 54,
  [55] = 55,
  [56] = 56,
  [57] = 57,
  [58] = 58,
  [59] = 21,
  [60] = 22,
  [61] = 21,
  [62] = 22,
  [63] = 21,
  [64] = 64,
  [65] = 65,
  [66] = 66,
  [67] = 21,
  [68] = 22,
  [69] = 69,
  [70] = 70,
  [71] = 22,
  [72] = 72,
  [73] = 73,
  [74] = 39,
  [75] = 21,
  [76] = 76,
  [77] = 22,
  [78] = 78,
  [79] = 79,
  [80] = 80,
  [81] = 81,
  [82] = 39,
  [83] = 21,
  [84] = 22,
  [85] = 21,
  [86] = 22,
  [87] = 87,
  [88] = 88,
  [89] = 89,
  [90] = 90,
  [91] = 91,
  [92] = 92,
  [93] = 93,
  [94] = 94,
  [95] = 95,
  [96] = 96,
  [97] = 97,
  [98] = 98,
  [99] = 99,
  [100] = 100,
  [101] = 101,
  [102] = 102,
  [103] = 103,
  [104] = 104,
  [105] = 105,
  [106] = 39,
  [107] = 107,
  [108] = 108,
  [109] = 109,
  [110] = 39,
  [111] = 111,
  [112] = 112,
  [113] = 113,
  [114] = 114,
  [115] = 115,
  [116] = 116,
  [117] = 117,
  [118] = 118,
  [119] = 119,
  [120] = 120,
  [121] = 121,
  [122] = 122,
  [123] = 123,
  [124] = 124,
  [125] = 122,
  [126] = 126,
  [127] = 127,
  [128] = 128,
  [129] = 129,
  [130] = 130,
  [131] = 39,
  [132] = 132,
  [133] = 133,
  [134] = 134,
  [135] = 135,
  [136] = 136,
  [137] = 137,
  [138] = 138,
  [139] = 139,
  [140] = 140,
  [141] = 141,
  [142] = 142,
  [143] = 143,
  [144] = 144,
  [145] = 145,
  [146] = 146,
  [147] = 147,
  [148] = 39,
  [149] = 149,
  [150] = 39,
  [151] = 151,
  [152] = 152,
  [153] = 153,
  [154] = 154,
  [155] = 155,
  [156] = 156,
  [157] = 157,
  [158] = 158,
  [159] = 159,
  [160] = 160,
  [161] = 161,
  [162] = 162,
  [163] = 163,
  [164] = 164,
  [165] = 165,
  [166] = 166,
  [167] = 167,
  [168] = 168,
  [169] = 169,
  [170] = 170,
  [171] = 171,
  [172] = 172,
  [173] = 173,
  [174] = 174,
  [175] = 175,
  [176] = 176,
  [177] = 177,
  [178] = 178,
  [179] = 179,
  [180] = 180,
  [181] = 181,
  [182] = 182,
  [183] = 183,
  [184] = 184,
  [185] = 185,
  [186] = 186,
  [187] = 187,
  [188] = 188,
  [189] = 189,
  [190] = 190,
  [191] = 191,
  [192] = 192,
  [193] = 193,
  [194] = 194,
  [195] = 195,
  [196] = 196,
  [197] = 197,
  [198] = 198,
  [199] = 199,
  [200] = 200,
  [201] = 201,
  [202] = 202,
  [203] = 203,
  [204] = 204,
  [205] = 205,
  [206] = 206,
  [207] = 207,
  [208] = 208,
  [209] = 209,
  [210] = 210,
  [211] = 211,
  [212] = 212,
  [213] = 213,
  [214] = 214,
};

static bool ts_lex(TSLexer *lexer, TSStateId state) {
  START_LEXER();
  eof = lexer->eof(lexer);
  switch (state) {
    case 0:
      if (eof) ADVANCE(84);
      ADVANCE_MAP(
        '"', 1,
        ',', 86,
        '[', 85,
        ']', 87,
        'A', 11,
        'a', 11,
        'C', 45,
        'c', 45,
        'E', 47,
        'e', 47,
        'F', 69,
        'f', 69,
        'H', 19,
        'h', 19,
        'L', 2,
        'l', 2,
        'M', 3,
        'm', 3,
        'O', 49,
        'o', 49,
        'R', 77,
        'r', 77,
        'S', 27,
        's', 27,
        'U', 70,
        'u', 70,
        'V', 54,
        'v', 54,
        'W', 56,
        'w', 56,
      );
      if (lookahead == '\t' ||
          (0x0b <= lookahead && lookahead <= '\r') ||
          lookahead == ' ' ||
          lookahead == 0x85 ||
          lookahead == 0xa0 ||
          lookahead == 0xfeff) SKIP(0);
      END_STATE();
    case 1:
      if (lookahead == '"') ADVANCE(88);
      if (lookahead == '\\') ADVANCE(82);
      if (lookahead != 0 &&
          lookahead != '\n') ADVANCE(1);
      END_STATE();
    case 2:
      if (lookahead == 'A' ||
          lookahead == 'a') ADVANCE(8);
      END_STATE();
    case 3:
      if (lookahead == 'A' ||
          lookahead == 'a') ADVANCE(30);
      END_STATE();
    case 4:
      if (lookahead == 'A' ||
          lookahead == 'a') ADVANCE(37);
      END_STATE();
    case 5:
      if (lookahead == 'A' ||
          lookahead == 'a') ADVANCE(40);
      END_STATE();
    case 6:
      if (lookahead == 'A' ||
          lookahead == 'a') ADVANCE(31);
      END_STATE();
    case 7:
      if (lookahead == 'B' ||
          lookahead == 'b') ADVANCE(78);
      END_STATE();
    case 8:
      if (lookahead == 'B' ||
          lookahead == 'b') ADVANCE(22);
      END_STATE();
    case 9:
      if (lookahead == 'C' ||
          lookahead == 'c') ADVANCE(35);
      END_STATE();
    case 10:
      if (lookahead == 'C' ||
          lookahead == 'c') ADVANCE(28);
      END_STATE();
    case 11:
      if (lookahead == 'D' ||
          lookahead == 'd') ADVANCE(12);
      if (lookahead == 'R' ||
          lookahead == 'r') ADVANCE(24);
      END_STATE();
    case 12:
      if (lookahead == 'D' ||
          lookahead == 'd') ADVANCE(95);
      END_STATE();
    case 13:
      if (lookahead == 'D' ||
          lookahead == 'd') ADVANCE(91);
      END_STATE();
    case 14:
      if (lookahead == 'D' ||
          lookahead == 'd') ADVANCE(188);
      END_STATE();
    case 15:
      if (lookahead == 'D' ||
          lookahead == 'd') ADVANCE(32);
      END_STATE();
    case 16:
      if (lookahead == 'E' ||
          lookahead == 'e') ADVANCE(100);
      END_STATE();
    case 17:
      if (lookahead == 'E' ||
          lookahead == 'e') ADVANCE(96);
      END_STATE();
    case 18:
      if (lookahead == 'E' ||
          lookahead == 'e') ADVANCE(9);
      END_STATE();
    case 19:
      if (lookahead == 'E' ||
          lookahead == 'e') ADVANCE(4);
      END_STATE();
    case 20:
      if (lookahead == 'E' ||
          lookahead == 'e') ADVANCE(43);
      END_STATE();
    case 21:
      if (lookahead == 'E' ||
          lookahead == 'e') ADVANCE(65);
      END_STATE();
    case 22:
      if (lookahead == 'E' ||
          lookahead == 'e') ADVANCE(38);
      END_STATE();
    case 23:
      if (lookahead == 'E' ||
          lookahead == 'e') ADVANCE(67);
      END_STATE();
    case 24:
      if (lookahead == 'G' ||
          lookahead == 'g') ADVANCE(99);
      END_STATE();
    case 25:
      if (lookahead == 'G' ||
          lookahead == 'g') ADVANCE(52);
      END_STATE();
    case 26:
      if (lookahead == 'H' ||
          lookahead == 'h') ADVANCE(10);
      END_STATE();
    case 27:
      if (lookahead == 'H' ||
          lookahead == 'h') ADVANCE(20);
      if (lookahead == 'T' ||
          lookahead == 't') ADVANCE(57);
      END_STATE();
    case 28:
      if (lookahead == 'H' ||
          lookahead == 'h') ADVANCE(18);
      END_STATE();
    case 29:
      if (lookahead == 'I' ||
          lookahead == 'i') ADVANCE(25);
      END_STATE();
    case 30:
      if (lookahead == 'I' ||
          lookahead == 'i') ADVANCE(50);
      END_STATE();
    case 31:
      if (lookahead == 'I' ||
          lookahead == 'i') ADVANCE(53);
      END_STATE();
    case 32:
      if (lookahead == 'I' ||
          lookahead == 'i') ADVANCE(66);
      END_STATE();
    case 33:
      if (lookahead == 'I' ||
          lookahead == 'i') ADVANCE(51);
      END_STATE();
    case 34:
      if (lookahead == 'I' ||
          lookahead == 'i') ADVANCE(42);
      END_STATE();
    case 35:
      if (lookahead == 'K' ||
          lookahead == 'k') ADVANCE(105);
      END_STATE();
    case 36:
      if (lookahead == 'K' ||
          lookahead == 'k') ADVANCE(15);
      END_STATE();
    case 37:
      if (lookahead == 'L' ||
          lookahead == 'l') ADVANCE(73);
      END_STATE();
    case 38:
      if (lookahead == 'L' ||
          lookahead == 'l') ADVANCE(97);
      END_STATE();
    case 39:
      if (lookahead == 'L' ||
          lookahead == 'l') ADVANCE(93);
      END_STATE();
    case 40:
      if (lookahead == 'L' ||
          lookahead == 'l') ADVANCE(104);
      END_STATE();
    case 41:
      if (lookahead == 'L' ||
          lookahead == 'l') ADVANCE(79);
      END_STATE();
    case 42:
      if (lookahead == 'L' ||
          lookahead == 'l') ADVANCE(14);
      END_STATE();
    case 43:
      if (lookahead == 'L' ||
          lookahead == 'l') ADVANCE(39);
      END_STATE();
    case 44:
      if (lookahead == 'M' ||
          lookahead == 'm') ADVANCE(89);
      END_STATE();
    case 45:
      if (lookahead == 'M' ||
          lookahead == 'm') ADVANCE(13);
      if (lookahead == 'O' ||
          lookahead == 'o') ADVANCE(60);
      END_STATE();
    case 46:
      if (lookahead == 'M' ||
          lookahead == 'm') ADVANCE(17);
      END_STATE();
    case 47:
      if (lookahead == 'N' ||
          lookahead == 'n') ADVANCE(75);
      if (lookahead == 'X' ||
          lookahead == 'x') ADVANCE(62);
      END_STATE();
    case 48:
      if (lookahead == 'N' ||
          lookahead == 'n') ADVANCE(90);
      END_STATE();
    case 49:
      if (lookahead == 'N' ||
          lookahead == 'n') ADVANCE(7);
      END_STATE();
    case 50:
      if (lookahead == 'N' ||
          lookahead == 'n') ADVANCE(76);
      END_STATE();
    case 51:
      if (lookahead == 'N' ||
          lookahead == 'n') ADVANCE(74);
      END_STATE();
    case 52:
      if (lookahead == 'N' ||
          lookahead == 'n') ADVANCE(5);
      END_STATE();
    case 53:
      if (lookahead == 'N' ||
          lookahead == 'n') ADVANCE(23);
      END_STATE();
    case 54:
      if (lookahead == 'O' ||
          lookahead == 'o') ADVANCE(41);
      END_STATE();
    case 55:
      if (lookahead == 'O' ||
          lookahead == 'o') ADVANCE(44);
      END_STATE();
    case 56:
      if (lookahead == 'O' ||
          lookahead == 'o') ADVANCE(64);
      END_STATE();
    case 57:
      if (lookahead == 'O' ||
          lookahead == 'o') ADVANCE(61);
      END_STATE();
    case 58:
      if (lookahead == 'O' ||
          lookahead == 'o') ADVANCE(72);
      END_STATE();
    case 59:
      if (lookahead == 'O' ||
          lookahead == 'o') ADVANCE(33);
      END_STATE();
    case 60:
      if (lookahead == 'P' ||
          lookahead == 'p') ADVANCE(80);
      END_STATE();
    case 61:
      if (lookahead == 'P' ||
          lookahead == 'p') ADVANCE(71);
      END_STATE();
    case 62:
      if (lookahead == 'P' ||
          lookahead == 'p') ADVANCE(58);
      END_STATE();
    case 63:
      if (lookahead == 'P' ||
          lookahead == 'p') ADVANCE(59);
      END_STATE();
    case 64:
      if (lookahead == 'R' ||
          lookahead == 'r') ADVANCE(36);
      END_STATE();
    case 65:
      if (lookahead == 'R' ||
          lookahead == 'r') ADVANCE(102);
      END_STATE();
    case 66:
      if (lookahead == 'R' ||
          lookahead == 'r') ADVANCE(103);
      END_STATE();
    case 67:
      if (lookahead == 'R' ||
          lookahead == 'r') ADVANCE(101);
      END_STATE();
    case 68:
      if (lookahead == 'R' ||
          lookahead == 'r') ADVANCE(81);
      END_STATE();
    case 69:
      if (lookahead == 'R' ||
          lookahead == 'r') ADVANCE(55);
      END_STATE();
    case 70:
      if (lookahead == 'S' ||
          lookahead == 's') ADVANCE(21);
      END_STATE();
    case 71:
      if (lookahead == 'S' ||
          lookahead == 's') ADVANCE(29);
      END_STATE();
    case 72:
      if (lookahead == 'S' ||
          lookahead == 's') ADVANCE(16);
      END_STATE();
    case 73:
      if (lookahead == 'T' ||
          lookahead == 't') ADVANCE(26);
      END_STATE();
    case 74:
      if (lookahead == 'T' ||
          lookahead == 't') ADVANCE(92);
      END_STATE();
    case 75:
      if (lookahead == 'T' ||
          lookahead == 't') ADVANCE(68);
      if (lookahead == 'V' ||
          lookahead == 'v') ADVANCE(98);
      END_STATE();
    case 76:
      if (lookahead == 'T' ||
          lookahead == 't') ADVANCE(6);
      END_STATE();
    case 77:
      if (lookahead == 'U' ||
          lookahead == 'u') ADVANCE(48);
      END_STATE();
    case 78:
      if (lookahead == 'U' ||
          lookahead == 'u') ADVANCE(34);
      END_STATE();
    case 79:
      if (lookahead == 'U' ||
          lookahead == 'u') ADVANCE(46);
      END_STATE();
    case 80:
      if (lookahead == 'Y' ||
          lookahead == 'y') ADVANCE(94);
      END_STATE();
    case 81:
      if (lookahead == 'Y' ||
          lookahead == 'y') ADVANCE(63);
      END_STATE();
    case 82:
      if (lookahead != 0 &&
          lookahead != '\n') ADVANCE(1);
      END_STATE();
    case 83:
      if (eof) ADVANCE(84);
      ADVANCE_MAP(
        'A', 119,
        'a', 119,
        'C', 150,
        'c', 150,
        'E', 153,
        'e', 153,
        'F', 174,
        'f', 174,
        'H', 124,
        'h', 124,
        'L', 107,
        'l', 107,
        'M', 108,
        'm', 108,
        'O', 154,
        'o', 154,
        'R', 182,
        'r', 182,
        'S', 132,
        's', 132,
        'U', 175,
        'u', 175,
        'V', 159,
        'v', 159,
        'W', 161,
        'w', 161,
        0x85, 106,
        0xa0, 106,
        0xfeff, 106,
      );
      if (lookahead == '\t' ||
          (0x0b <= lookahead && lookahead <= '\r') ||
          lookahead == ' ') SKIP(83);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead)) ADVANCE(187);
      END_STATE();
    case 84:
      ACCEPT_TOKEN(ts_builtin_sym_end);
      END_STATE();
    case 85:
      ACCEPT_TOKEN(anon_sym_LBRACK);
      END_STATE();
    case 86:
      ACCEPT_TOKEN(anon_sym_COMMA);
      END_STATE();
    case 87:
      ACCEPT_TOKEN(anon_sym_RBRACK);
      END_STATE();
    case 88:
      ACCEPT_TOKEN(sym_json_string);
      END_STATE();
    case 89:
      ACCEPT_TOKEN(aux_sym__from_head_token1);
      END_STATE();
    case 90:
      ACCEPT_TOKEN(aux_sym__run_head_token1);
      END_STATE();
    case 91:
      ACCEPT_TOKEN(aux_sym__cmd_head_token1);
      END_STATE();
    case 92:
      ACCEPT_TOKEN(aux_sym__entrypoint_head_token1);
      END_STATE();
    case 93:
      ACCEPT_TOKEN(aux_sym__shell_head_token1);
      END_STATE();
    case 94:
      ACCEPT_TOKEN(aux_sym__copy_head_token1);
      END_STATE();
    case 95:
      ACCEPT_TOKEN(aux_sym__add_head_token1);
      END_STATE();
    case 96:
      ACCEPT_TOKEN(aux_sym__volume_head_token1);
      END_STATE();
    case 97:
      ACCEPT_TOKEN(aux_sym__label_head_token1);
      END_STATE();
    case 98:
      ACCEPT_TOKEN(aux_sym__env_head_token1);
      END_STATE();
    case 99:
      ACCEPT_TOKEN(aux_sym__arg_head_token1);
      END_STATE();
    case 100:
      ACCEPT_TOKEN(aux_sym__expose_head_token1);
      END_STATE();
    case 101:
      ACCEPT_TOKEN(aux_sym__maintainer_head_token1);
      END_STATE();
    case 102:
      ACCEPT_TOKEN(aux_sym__user_head_token1);
      END_STATE();
    case 103:
      ACCEPT_TOKEN(aux_sym__workdir_head_token1);
      END_STATE();
    case 104:
      ACCEPT_TOKEN(aux_sym__stopsignal_head_token1);
      END_STATE();
    case 105:
      ACCEPT_TOKEN(aux_sym__healthcheck_head_token1);
      END_STATE();
    case 106:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      ADVANCE_MAP(
        'A', 119,
        'a', 119,
        'C', 150,
        'c', 150,
        'E', 153,
        'e', 153,
        'F', 174,
        'f', 174,
        'H', 124,
        'h', 124,
        'L', 107,
        'l', 107,
        'M', 108,
        'm', 108,
        'O', 154,
        'o', 154,
        'R', 182,
        'r', 182,
        'S', 132,
        's', 132,
        'U', 175,
        'u', 175,
        'V', 159,
        'v', 159,
        'W', 161,
        'w', 161,
        0x85, 106,
        0xa0, 106,
        0xfeff, 106,
      );
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 107:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'A' ||
          lookahead == 'a') ADVANCE(113);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 108:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'A' ||
          lookahead == 'a') ADVANCE(135);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 109:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'A' ||
          lookahead == 'a') ADVANCE(145);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 110:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'A' ||
          lookahead == 'a') ADVANCE(144);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 111:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'A' ||
          lookahead == 'a') ADVANCE(136);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 112:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'B' ||
          lookahead == 'b') ADVANCE(183);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 113:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'B' ||
          lookahead == 'b') ADVANCE(127);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 114:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'C' ||
          lookahead == 'c') ADVANCE(140);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 115:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'C' ||
          lookahead == 'c') ADVANCE(133);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 116:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'D' ||
          lookahead == 'd') ADVANCE(95);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 117:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'D' ||
          lookahead == 'd') ADVANCE(91);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 118:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'D' ||
          lookahead == 'd') ADVANCE(188);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 119:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'D' ||
          lookahead == 'd') ADVANCE(116);
      if (lookahead == 'R' ||
          lookahead == 'r') ADVANCE(129);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 120:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'D' ||
          lookahead == 'd') ADVANCE(137);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 121:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'E' ||
          lookahead == 'e') ADVANCE(100);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 122:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'E' ||
          lookahead == 'e') ADVANCE(96);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 123:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'E' ||
          lookahead == 'e') ADVANCE(114);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 124:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'E' ||
          lookahead == 'e') ADVANCE(109);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 125:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'E' ||
          lookahead == 'e') ADVANCE(148);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 126:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'E' ||
          lookahead == 'e') ADVANCE(169);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 127:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'E' ||
          lookahead == 'e') ADVANCE(142);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 128:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'E' ||
          lookahead == 'e') ADVANCE(171);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 129:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'G' ||
          lookahead == 'g') ADVANCE(99);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 130:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'G' ||
          lookahead == 'g') ADVANCE(157);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 131:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'H' ||
          lookahead == 'h') ADVANCE(115);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 132:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'H' ||
          lookahead == 'h') ADVANCE(125);
      if (lookahead == 'T' ||
          lookahead == 't') ADVANCE(162);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 133:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'H' ||
          lookahead == 'h') ADVANCE(123);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 134:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'I' ||
          lookahead == 'i') ADVANCE(130);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 135:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'I' ||
          lookahead == 'i') ADVANCE(155);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 136:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'I' ||
          lookahead == 'i') ADVANCE(158);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 137:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'I' ||
          lookahead == 'i') ADVANCE(170);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 138:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'I' ||
          lookahead == 'i') ADVANCE(156);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 139:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'I' ||
          lookahead == 'i') ADVANCE(147);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 140:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'K' ||
          lookahead == 'k') ADVANCE(105);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 141:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'K' ||
          lookahead == 'k') ADVANCE(120);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 142:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'L' ||
          lookahead == 'l') ADVANCE(97);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 143:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'L' ||
          lookahead == 'l') ADVANCE(93);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 144:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'L' ||
          lookahead == 'l') ADVANCE(104);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 145:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'L' ||
          lookahead == 'l') ADVANCE(179);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 146:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'L' ||
          lookahead == 'l') ADVANCE(184);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 147:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'L' ||
          lookahead == 'l') ADVANCE(118);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 148:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'L' ||
          lookahead == 'l') ADVANCE(143);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 149:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'M' ||
          lookahead == 'm') ADVANCE(89);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 150:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'M' ||
          lookahead == 'm') ADVANCE(117);
      if (lookahead == 'O' ||
          lookahead == 'o') ADVANCE(165);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 151:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'M' ||
          lookahead == 'm') ADVANCE(122);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 152:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'N' ||
          lookahead == 'n') ADVANCE(90);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 153:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'N' ||
          lookahead == 'n') ADVANCE(180);
      if (lookahead == 'X' ||
          lookahead == 'x') ADVANCE(167);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 154:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'N' ||
          lookahead == 'n') ADVANCE(112);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 155:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'N' ||
          lookahead == 'n') ADVANCE(181);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 156:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'N' ||
          lookahead == 'n') ADVANCE(178);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 157:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'N' ||
          lookahead == 'n') ADVANCE(110);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 158:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'N' ||
          lookahead == 'n') ADVANCE(128);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 159:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'O' ||
          lookahead == 'o') ADVANCE(146);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 160:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'O' ||
          lookahead == 'o') ADVANCE(149);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 161:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'O' ||
          lookahead == 'o') ADVANCE(172);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 162:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'O' ||
          lookahead == 'o') ADVANCE(166);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 163:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'O' ||
          lookahead == 'o') ADVANCE(177);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 164:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'O' ||
          lookahead == 'o') ADVANCE(138);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 165:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'P' ||
          lookahead == 'p') ADVANCE(185);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 166:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'P' ||
          lookahead == 'p') ADVANCE(176);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 167:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'P' ||
          lookahead == 'p') ADVANCE(163);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 168:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'P' ||
          lookahead == 'p') ADVANCE(164);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 169:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'R' ||
          lookahead == 'r') ADVANCE(102);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 170:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'R' ||
          lookahead == 'r') ADVANCE(103);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 171:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'R' ||
          lookahead == 'r') ADVANCE(101);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 172:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'R' ||
          lookahead == 'r') ADVANCE(141);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 173:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'R' ||
          lookahead == 'r') ADVANCE(186);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 174:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'R' ||
          lookahead == 'r') ADVANCE(160);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 175:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'S' ||
          lookahead == 's') ADVANCE(126);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 176:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'S' ||
          lookahead == 's') ADVANCE(134);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 177:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'S' ||
          lookahead == 's') ADVANCE(121);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 178:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'T' ||
          lookahead == 't') ADVANCE(92);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 179:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'T' ||
          lookahead == 't') ADVANCE(131);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 180:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'T' ||
          lookahead == 't') ADVANCE(173);
      if (lookahead == 'V' ||
          lookahead == 'v') ADVANCE(98);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 181:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'T' ||
          lookahead == 't') ADVANCE(111);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 182:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'U' ||
          lookahead == 'u') ADVANCE(152);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 183:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'U' ||
          lookahead == 'u') ADVANCE(139);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 184:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'U' ||
          lookahead == 'u') ADVANCE(151);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 185:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'Y' ||
          lookahead == 'y') ADVANCE(94);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 186:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead == 'Y' ||
          lookahead == 'y') ADVANCE(168);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 187:
      ACCEPT_TOKEN(aux_sym__unknown_head_token1);
      if (lookahead != 0 &&
          (lookahead < '\t' || '\r' < lookahead) &&
          lookahead != ' ') ADVANCE(187);
      END_STATE();
    case 188:
      ACCEPT_TOKEN(aux_sym__onbuild_head_token1);
      END_STATE();
    default:
      return false;
  }
}

static const TSLexMode ts_lex_modes[STATE_COUNT] = {
  [0] = {.lex_state = 0, .external_lex_state = 1},
  [1] = {.lex_state = 83, .external_lex_state = 2},
  [2] = {.lex_state = 83, .external_lex_state = 2},
  [3] = {.lex_state = 83, .external_lex_state = 3},
  [4] = {.lex_state = 83, .external_lex_state = 3},
  [5] = {.lex_state = 83, .external_lex_state = 3},
  [6] = {.lex_state = 83, .external_lex_state = 4},
  [7] = {.lex_state = 83, .external_lex_state = 5},
  [8] = {.lex_state = 83, .external_lex_state = 6},
  [9] = {.lex_state = 83, .external_lex_state = 6},
  [10] = {.lex_state = 83, .external_lex_state = 6},
  [11] = {.lex_state = 83, .external_lex_state = 6},
  [12] = {.lex_state = 83, .external_lex_state = 6},
  [13] = {.lex_state = 83, .external_lex_state = 6},
  [14] = {.lex_state = 83, .external_lex_state = 6},
  [15] = {.lex_state = 83, .external_lex_state = 6},
  [16] = {.lex_state = 83, .external_lex_state = 6},
  [17] = {.lex_state = 83, .external_lex_state = 2},
  [18] = {.lex_state = 83, .external_lex_state = 6},
  [19] = {.lex_state = 83, .external_lex_state = 6},
  [20] = {.lex_state = 83, .external_lex_state = 6},
  [21] = {.lex_state = 83, .external_lex_state = 4},
  [22] = {.lex_state = 83, .external_lex_state = 4},
  [23] = {.lex_state = 83, .external_lex_state = 2},
  [24] = {.lex_state = 83, .external_lex_state = 3},
  [25] = {.lex_state = 83, .external_lex_state = 3},
  [26] = {.lex_state = 83, .external_lex_state = 3},
  [27] = {.lex_state = 83, .external_lex_state = 3},
  [28] = {.lex_state = 83, .external_lex_state = 3},
  [29] = {.lex_state = 83, .external_lex_state = 3},
  [30] = {.lex_state = 83, .external_lex_state = 3},
  [31] = {.lex_state = 83, .external_lex_state = 3},
  [32] = {.lex_state = 83, .external_lex_state = 3},
  [33] = {.lex_state = 83, .external_lex_state = 3},
  [34] = {.lex_state = 83, .external_lex_state = 3},
  [35] = {.lex_state = 83, .external_lex_state = 3},
  [36] = {.lex_state = 83, .external_lex_state = 3},
  [37] = {.lex_state = 83, .external_lex_state = 3},
  [38] = {.lex_state = 83, .external_lex_state = 3},
  [39] = {.lex_state = 83, .external_lex_state = 5},
  [40] = {.lex_state = 0, .external_lex_state = 7},
  [41] = {.lex_state = 0, .external_lex_state = 7},
  [42] = {.lex_state = 0, .external_lex_state = 8},
  [43] = {.lex_state = 0, .external_lex_state = 8},
  [44] = {.lex_state = 0, .external_lex_state = 8},
  [45] = {.lex_state = 0, .external_lex_state = 9},
  [46] = {.lex_state = 0, .external_lex_state = 10},
  [47] = {.lex_state = 0, .external_lex_state = 11},
  [48] = {.lex_state = 0, .external_lex_state = 11},
  [49] = {.lex_state = 0, .external_lex_state = 12},
  [50] = {.lex_state = 0, .external_lex_state = 13},
  [51] = {.lex_state = 0, .external_lex_state = 13},
  [52] = {.lex_state = 0, .external_lex_state = 13},
  [53] = {.lex_state = 0, .external_lex_state = 13},
  [54] = {.lex_state = 0, .external_lex_state = 14},
  [55] = {.lex_state = 0, .external_lex_state = 14},
  [56] = {.lex_state = 0, .external_lex_state = 14},
  [57] = {.lex_state = 0, .external_lex_state = 15},
  [58] = {.lex_state = 0, .external_lex_state = 13},
  [59] = {.lex_state = 0, .external_lex_state = 9},
  [60] = {.lex_state = 0, .external_lex_state = 9},
  [61] = {.lex_state = 0, .external_lex_state = 7},
  [62] = {.lex_state = 0, .external_lex_state = 7},
  [63] = {.lex_state = 0, .external_lex_state = 8},
  [64] = {.lex_state = 0, .external_lex_state = 16},
  [65] = {.lex_state = 0, .external_lex_state = 17},
  [66] = {.lex_state = 0, .external_lex_state = 16},
  [67] = {.lex_state = 0, .external_lex_state = 10},
  [68] = {.lex_state = 0, .external_lex_state = 8},
  [69] = {.lex_state = 0, .external_lex_state = 16},
  [70] = {.lex_state = 0, .external_lex_state = 16},
  [71] = {.lex_state = 0, .external_lex_state = 10},
  [72] = {.lex_state = 0, .external_lex_state = 15},
  [73] = {.lex_state = 0, .external_lex_state = 15},
  [74] = {.lex_state = 0, .external_lex_state = 11},
  [75] = {.lex_state = 0, .external_lex_state = 15},
  [76] = {.lex_state = 0, .external_lex_state = 18},
  [77] = {.lex_state = 0, .external_lex_state = 15},
  [78] = {.lex_state = 0, .external_lex_state = 19},
  [79] = {.lex_state = 0, .external_lex_state = 19},
  [80] = {.lex_state = 0, .external_lex_state = 19},
  [81] = {.lex_state = 0, .external_lex_state = 18},
  [82] = {.lex_state = 0, .external_lex_state = 12},
  [83] = {.lex_state = 0, .external_lex_state = 14},
  [84] = {.lex_state = 0, .external_lex_state = 14},
  [85] = {.lex_state = 0, .external_lex_state = 16},
  [86] = {.lex_state = 0, .external_lex_state = 16},
  [87] = {.lex_state = 0, .external_lex_state = 20},
  [88] = {.lex_state = 0, .external_lex_state = 20},
  [89] = {.lex_state = 0, .external_lex_state = 20},
  [90] = {.lex_state = 0, .external_lex_state = 21},
  [91] = {.lex_state = 0, .external_lex_state = 22},
  [92] = {.lex_state = 0, .external_lex_state = 21},
  [93] = {.lex_state = 0, .external_lex_state = 21},
  [94] = {.lex_state = 0, .external_lex_state = 20},
  [95] = {.lex_state = 0, .external_lex_state = 22},
  [96] = {.lex_state = 0, .external_lex_state = 21},
  [97] = {.lex_state = 0, .external_lex_state = 21},
  [98] = {.lex_state = 0, .external_lex_state = 21},
  [99] = {.lex_state = 0, .external_lex_state = 21},
  [100] = {.lex_state = 0, .external_lex_state = 21},
  [101] = {.lex_state = 0, .external_lex_state = 21},
  [102] = {.lex_state = 0, .external_lex_state = 20},
  [103] = {.lex_state = 0, .external_lex_state = 22},
  [104] = {.lex_state = 0, .external_lex_state = 20},
  [105] = {.lex_state = 0, .external_lex_state = 20},
  [106] = {.lex_state = 0, .external_lex_state = 13},
  [107] = {.lex_state = 0, .external_lex_state = 20},
  [108] = {.lex_state = 0, .external_lex_state = 21},
  [109] = {.lex_state = 0, .external_lex_state = 21},
  [110] = {.lex_state = 0, .external_lex_state = 17},
  [111] = {.lex_state = 0, .external_lex_state = 21},
  [112] = {.lex_state = 0, .external_lex_state = 21},
  [113] = {.lex_state = 0, .external_lex_state = 20},
  [114] = {.lex_state = 0, .external_lex_state = 20},
  [115] = {.lex_state = 0, .external_lex_state = 23},
  [116] = {.lex_state = 0, .external_lex_state = 23},
  [117] = {.lex_state = 0, .external_lex_state = 23},
  [118] = {.lex_state = 0, .external_lex_state = 23},
  [119] = {.lex_state = 0, .external_lex_state = 23},
  [120] = {.lex_state = 0, .external_lex_state = 23},
  [121] = {.lex_state = 0, .external_lex_state = 24},
  [122] = {.lex_state = 0, .external_lex_state = 19},
  [123] = {.lex_state = 0, .external_lex_state = 23},
  [124] = {.lex_state = 0, .external_lex_state = 23},
  [125] = {.lex_state = 0, .external_lex_state = 21},
  [126] = {.lex_state = 0, .external_lex_state = 21},
  [127] = {.lex_state = 0, .external_lex_state = 5},
  [128] = {.lex_state = 0, .external_lex_state = 5},
  [129] = {.lex_state = 0, .external_lex_state = 5},
  [130] = {.lex_state = 0, .external_lex_state = 5},
  [131] = {.lex_state = 0, .external_lex_state = 21},
  [132] = {.lex_state = 0, .external_lex_state = 5},
  [133] = {.lex_state = 0, .external_lex_state = 5},
  [134] = {.lex_state = 0, .external_lex_state = 5},
  [135] = {.lex_state = 0, .external_lex_state = 21},
  [136] = {.lex_state = 0, .external_lex_state = 25},
  [137] = {.lex_state = 0, .external_lex_state = 26},
  [138] = {.lex_state = 0, .external_lex_state = 26},
  [139] = {.lex_state = 0, .external_lex_state = 26},
  [140] = {.lex_state = 0, .external_lex_state = 5},
  [141] = {.lex_state = 0, .external_lex_state = 5},
  [142] = {.lex_state = 0, .external_lex_state = 5},
  [143] = {.lex_state = 0, .external_lex_state = 5},
  [144] = {.lex_state = 0, .external_lex_state = 5},
  [145] = {.lex_state = 0, .external_lex_state = 5},
  [146] = {.lex_state = 0, .external_lex_state = 5},
  [147] = {.lex_state = 0, .external_lex_state = 25},
  [148] = {.lex_state = 0, .external_lex_state = 20},
  [149] = {.lex_state = 0, .external_lex_state = 5},
  [150] = {.lex_state = 0, .external_lex_state = 23},
  [151] = {.lex_state = 0, .external_lex_state = 5},
  [152] = {.lex_state = 0, .external_lex_state = 5},
  [153] = {.lex_state = 0, .external_lex_state = 5},
  [154] = {.lex_state = 0, .external_lex_state = 5},
  [155] = {.lex_state = 0, .external_lex_state = 27},
  [156] = {.lex_state = 0, .external_lex_state = 5},
  [157] = {.lex_state = 0, .external_lex_state = 5},
  [158] = {.lex_state = 0, .external_lex_state = 5},
  [159] = {.lex_state = 0, .external_lex_state = 5},
  [160] = {.lex_state = 0, .external_lex_state = 5},
  [161] = {.lex_state = 0, .external_lex_state = 5},
  [162] = {.lex_state = 0, .external_lex_state = 5},
  [163] = {.lex_state = 0, .external_lex_state = 5},
  [164] = {.lex_state = 0, .external_lex_state = 5},
  [165] = {.lex_state = 0, .external_lex_state = 5},
  [166] = {.lex_state = 0, .external_lex_state = 5},
  [167] = {.lex_state = 0, .external_lex_state = 5},
  [168] = {.lex_state = 0, .external_lex_state = 5},
  [169] = {.lex_state = 0, .external_lex_state = 5},
  [170] = {.lex_state = 0, .external_lex_state = 5},
  [171] = {.lex_state = 0, .external_lex_state = 5},
  [172] = {.lex_state = 0, .external_lex_state = 5},
  [173] = {.lex_state = 0, .external_lex_state = 5},
  [174] = {.lex_state = 0, .external_lex_state = 5},
  [175] = {.lex_state = 0, .external_lex_state = 5},
  [176] = {.lex_state = 0, .external_lex_state = 5},
  [177] = {.lex_state = 0, .external_lex_state = 5},
  [178] = {.lex_state = 0, .external_lex_state = 5},
  [179] = {.lex_state = 0, .external_lex_state = 5},
  [180] = {.lex_state = 0, .external_lex_state = 5},
  [181] = {.lex_state = 0, .external_lex_state = 5},
  [182] = {.lex_state = 0, .external_lex_state = 5},
  [183] = {.lex_state = 0, .external_lex_state = 5},
  [184] = {.lex_state = 0, .external_lex_state = 26},
  [185] = {.lex_state = 0, .external_lex_state = 5},
  [186] = {.lex_state = 0, .external_lex_state = 26},
  [187] = {.lex_state = 0, .external_lex_state = 5},
  [188] = {.lex_state = 0, .external_lex_state = 5},
  [189] = {.lex_state = 0, .external_lex_state = 5},
  [190] = {.lex_state = 0, .external_lex_state = 5},
  [191] = {.lex_state = 0, .external_lex_state = 5},
  [192] = {.lex_state = 0, .external_lex_state = 5},
  [193] = {.lex_state = 0, .external_lex_state = 5},
  [194] = {.lex_state = 0, .external_lex_state = 5},
  [195] = {.lex_state = 0, .external_lex_state = 5},
  [196] = {.lex_state = 0, .external_lex_state = 5},
  [197] = {.lex_state = 0, .external_lex_state = 5},
  [198] = {.lex_state = 0, .external_lex_state = 5},
  [199] = {.lex_state = 0, .external_lex_state = 5},
  [200] = {.lex_state = 0, .external_lex_state = 5},
  [201] = {.lex_state = 0, .external_lex_state = 5},
  [202] = {.lex_state = 0, .external_lex_state = 5},
  [203] = {.lex_state = 0, .external_lex_state = 5},
  [204] = {.lex_state = 0, .external_lex_state = 5},
  [205] = {.lex_state = 0, .external_lex_state = 28},
  [206] = {.lex_state = 0, .external_lex_state = 5},
  [207] = {.lex_state = 0, .external_lex_state = 5},
  [208] = {.lex_state = 0, .external_lex_state = 5},
  [209] = {.lex_state = 0, .external_lex_state = 25},
  [210] = {.lex_state = 0, .external_lex_state = 25},
  [211] = {.lex_state = 0, .external_lex_state = 29},
  [212] = {.lex_state = 0, .external_lex_state = 26},
  [213] = {.lex_state = 0, .external_lex_state = 26},
  [214] = {.lex_state = 0, .external_lex_state = 26},
};

static const uint16_t ts_parse_table[LARGE_STATE_COUNT][SYMBOL_COUNT] = {
  [0] = {
    [ts_builtin_sym_end] = ACTIONS(1),
    [anon_sym_LBRACK] = ACTIONS(1),
    [anon_sym_COMMA] = ACTIONS(1),
    [anon_sym_RBRACK] = ACTIONS(1),
    [sym_json_string] = ACTIONS(1),
    [aux_sym__from_head_token1] = ACTIONS(1),
    [aux_sym__run_head_token1] = ACTIONS(1),
    [aux_sym__cmd_head_token1] = ACTIONS(1),
    [aux_sym__entrypoint_head_token1] = ACTIONS(1),
    [aux_sym__shell_head_token1] = ACTIONS(1),
    [aux_sym__copy_head_token1] = ACTIONS(1),
    [aux_sym__add_head_token1] = ACTIONS(1),
    [aux_sym__volume_head_token1] = ACTIONS(1),
    [aux_sym__label_head_token1] = ACTIONS(1),
    [aux_sym__env_head_token1] = ACTIONS(1),
    [aux_sym__arg_head_token1] = ACTIONS(1),
    [aux_sym__expose_head_token1] = ACTIONS(1),
    [aux_sym__maintainer_head_token1] = ACTIONS(1),
    [aux_sym__user_head_token1] = ACTIONS(1),
    [aux_sym__workdir_head_token1] = ACTIONS(1),
    [aux_sym__stopsignal_head_token1] = ACTIONS(1),
    [aux_sym__healthcheck_head_token1] = ACTIONS(1),
    [aux_sym__onbuild_head_token1] = ACTIONS(1),
    [sym__directive_line] = ACTIONS(1),
    [sym__directive_end] = ACTIONS(1),
    [sym_comment] = ACTIONS(1),
    [sym__newline] = ACTIONS(1),
    [sym__eof] = ACTIONS(1),
    [sym_line_continuation] = ACTIONS(3),
    [sym__exec_form_start] = ACTIONS(1),
    [sym__shell_form_start] = ACTIONS(1),
    [sym_flag] = ACTIONS(1),
    [sym__flags_end] = ACTIONS(1),
    [sym__word] = ACTIONS(1),
    [sym__quoted_word] = ACTIONS(1),
    [sym__as] = ACTIONS(1),
    [sym_shell_fragment] = ACTIONS(1),
    [sym_heredoc_marker] = ACTIONS(1),
    [sym_heredoc_content] = ACTIONS(1),
    [sym_heredoc_end] = ACTIONS(1),
    [sym__error_sentinel] = ACTIONS(1),
  },
  [1] = {
    [sym_source_file] = STATE(213),
    [sym_parser_directive] = STATE(2),
    [sym__statement] = STATE(3),
    [sym__instruction] = STATE(3),
    [sym__from_head] = STATE(152),
    [sym__run_head] = STATE(154),
    [sym__cmd_head] = STATE(140),
    [sym__entrypoint_head] = STATE(128),
    [sym__shell_head] = STATE(146),
    [sym__copy_head] = STATE(149),
    [sym__add_head] = STATE(151),
    [sym__volume_head] = STATE(153),
    [sym__label_head] = STATE(127),
    [sym__env_head] = STATE(129),
    [sym__arg_head] = STATE(130),
    [sym__expose_head] = STATE(132),
    [sym__maintainer_head] = STATE(133),
    [sym__user_head] = STATE(134),
    [sym__workdir_head] = STATE(141),
    [sym__stopsignal_head] = STATE(142),
    [sym__healthcheck_head] = STATE(143),
    [sym__unknown_head] = STATE(144),
    [sym__onbuild_head] = STATE(145),
    [sym_from_instruction] = STATE(3),
    [sym_run_instruction] = STATE(3),
    [sym_cmd_instruction] = STATE(3),
    [sym_label_instruction] = STATE(3),
    [sym_maintainer_instruction] = STATE(3),
    [sym_expose_instruction] = STATE(3),
    [sym_env_instruction] = STATE(3),
    [sym_add_instruction] = STATE(3),
    [sym_copy_instruction] = STATE(3),
    [sym_entrypoint_instruction] = STATE(3),
    [sym_volume_instruction] = STATE(3),
    [sym_user_instruction] = STATE(3),
    [sym_workdir_instruction] = STATE(3),
    [sym_arg_instruction] = STATE(3),
    [sym_onbuild_instruction] = STATE(3),
    [sym_stopsignal_instruction] = STATE(3),
    [sym_healthcheck_instruction] = STATE(3),
    [sym_shell_instruction] = STATE(3),
    [sym_unknown_instruction] = STATE(3),
    [aux_sym_source_file_repeat1] = STATE(2),
    [aux_sym_source_file_repeat2] = STATE(3),
    [ts_builtin_sym_end] = ACTIONS(5),
    [aux_sym__from_head_token1] = ACTIONS(7),
    [aux_sym__run_head_token1] = ACTIONS(9),
    [aux_sym__cmd_head_token1] = ACTIONS(11),
    [aux_sym__entrypoint_head_token1] = ACTIONS(13),
    [aux_sym__shell_head_token1] = ACTIONS(15),
    [aux_sym__copy_head_token1] = ACTIONS(17),
    [aux_sym__add_head_token1] = ACTIONS(19),
    [aux_sym__volume_head_token1] = ACTIONS(21),
    [aux_sym__label_head_token1] = ACTIONS(23),
    [aux_sym__env_head_token1] = ACTIONS(25),
    [aux_sym__arg_head_token1] = ACTIONS(27),
    [aux_sym__expose_head_token1] = ACTIONS(29),
    [aux_sym__maintainer_head_token1] = ACTIONS(31),
    [aux_sym__user_head_token1] = ACTIONS(33),
    [aux_sym__workdir_head_token1] = ACTIONS(35),
    [aux_sym__stopsignal_head_token1] = ACTIONS(37),
    [aux_sym__healthcheck_head_token1] = ACTIONS(39),
    [aux_sym__unknown_head_token1] = ACTIONS(41),
    [aux_sym__onbuild_head_token1] = ACTIONS(43),
    [sym__directive_line] = ACTIONS(45),
    [sym_comment] = ACTIONS(47),
    [sym__newline] = ACTIONS(47),
    [sym_line_continuation] = ACTIONS(3),
  },
  [2] = {
    [sym_parser_directive] = STATE(17),
    [sym__statement] = STATE(4),
    [sym__instruction] = STATE(4),
    [sym__from_head] = STATE(152),
    [sym__run_head] = STATE(154),
    [sym__cmd_head] = STATE(140),
    [sym__entrypoint_head] = STATE(128),
    [sym__shell_head] = STATE(146),
    [sym__copy_head] = STATE(149),
    [sym__add_head] = STATE(151),
    [sym__volume_head] = STATE(153),
    [sym__label_head] = STATE(127),
    [sym__env_head] = STATE(129),
    [sym__arg_head] = STATE(130),
    [sym__expose_head] = STATE(132),
    [sym__maintainer_head] = STATE(133),
    [sym__user_head] = STATE(134),
    [sym__workdir_head] = STATE(141),
    [sym__stopsignal_head] = STATE(142),
    [sym__healthcheck_head] = STATE(143),
    [sym__unknown_head] = STATE(144),
    [sym__onbuild_head] = STATE(145),
    [sym_from_instruction] = STATE(4),
    [sym_run_instruction] = STATE(4),
    [sym_cmd_instruction] = STATE(4),
    [sym_label_instruction] = STATE(4),
    [sym_maintainer_instruction] = STATE(4),
    [sym_expose_instruction] = STATE(4),
    [sym_env_instruction] = STATE(4),
    [sym_add_instruction] = STATE(4),
    [sym_copy_instruction] = STATE(4),
    [sym_entrypoint_instruction] = STATE(4),
    [sym_volume_instruction] = STATE(4),
    [sym_user_instruction] = STATE(4),
    [sym_workdir_instruction] = STATE(4),
    [sym_arg_instruction] = STATE(4),
    [sym_onbuild_instruction] = STATE(4),
    [sym_stopsignal_instruction] = STATE(4),
    [sym_healthcheck_instruction] = STATE(4),
    [sym_shell_instruction] = STATE(4),
    [sym_unknown_instruction] = STATE(4),
    [aux_sym_source_file_repeat1] = STATE(17),
    [aux_sym_source_file_repeat2] = STATE(4),
    [ts_builtin_sym_end] = ACTIONS(49),
    [aux_sym__from_head_token1] = ACTIONS(7),
    [aux_sym__run_head_token1] = ACTIONS(9),
    [aux_sym__cmd_head_token1] = ACTIONS(11),
    [aux_sym__entrypoint_head_token1] = ACTIONS(13),
    [aux_sym__shell_head_token1] = ACTIONS(15),
    [aux_sym__copy_head_token1] = ACTIONS(17),
    [aux_sym__add_head_token1] = ACTIONS(19),
    [aux_sym__volume_head_token1] = ACTIONS(21),
    [aux_sym__label_head_token1] = ACTIONS(23),
    [aux_sym__env_head_token1] = ACTIONS(25),
    [aux_sym__arg_head_token1] = ACTIONS(27),
    [aux_sym__expose_head_token1] = ACTIONS(29),
    [aux_sym__maintainer_head_token1] = ACTIONS(31),
    [aux_sym__user_head_token1] = ACTIONS(33),
    [aux_sym__workdir_head_token1] = ACTIONS(35),
    [aux_sym__stopsignal_head_token1] = ACTIONS(37),
    [aux_sym__healthcheck_head_token1] = ACTIONS(39),
    [aux_sym__unknown_head_token1] = ACTIONS(41),
    [aux_sym__onbuild_head_token1] = ACTIONS(43),
    [sym__directive_line] = ACTIONS(45),
    [sym_comment] = ACTIONS(51),
    [sym__newline] = ACTIONS(51),
    [sym_line_continuation] = ACTIONS(3),
  },
  [3] = {
    [sym__statement] = STATE(5),
    [sym__instruction] = STATE(5),
    [sym__from_head] = STATE(152),
    [sym__run_head] = STATE(154),
    [sym__cmd_head] = STATE(140),
    [sym__entrypoint_head] = STATE(128),
    [sym__shell_head] = STATE(146),
    [sym__copy_head] = STATE(149),
    [sym__add_head] = STATE(151),
    [sym__volume_head] = STATE(153),
    [sym__label_head] = STATE(127),
    [sym__env_head] = STATE(129),
    [sym__arg_head] = STATE(130),
    [sym__expose_head] = STATE(132),
    [sym__maintainer_head] = STATE(133),
    [sym__user_head] = STATE(134),
    [sym__workdir_head] = STATE(141),
    [sym__stopsignal_head] = STATE(142),
    [sym__healthcheck_head] = STATE(143),
    [sym__unknown_head] = STATE(144),
    [sym__onbuild_head] = STATE(145),
    [sym_from_instruction] = STATE(5),
    [sym_run_instruction] = STATE(5),
    [sym_cmd_instruction] = STATE(5),
    [sym_label_instruction] = STATE(5),
    [sym_maintainer_instruction] = STATE(5),
    [sym_expose_instruction] = STATE(5),
    [sym_env_instruction] = STATE(5),
    [sym_add_instruction] = STATE(5),
    [sym_copy_instruction] = STATE(5),
    [sym_entrypoint_instruction] = STATE(5),
    [sym_volume_instruction] = STATE(5),
    [sym_user_instruction] = STATE(5),
    [sym_workdir_instruction] = STATE(5),
    [sym_arg_instruction] = STATE(5),
    [sym_onbuild_instruction] = STATE(5),
    [sym_stopsignal_instruction] = STATE(5),
    [sym_healthcheck_instruction] = STATE(5),
    [sym_shell_instruction] = STATE(5),
    [sym_unknown_instruction] = STATE(5),
    [aux_sym_source_file_repeat2] = STATE(5),
    [ts_builtin_sym_end] = ACTIONS(49),
    [aux_sym__from_head_token1] = ACTIONS(7),
    [aux_sym__run_head_token1] = ACTIONS(9),
    [aux_sym__cmd_head_token1] = ACTIONS(11),
    [aux_sym__entrypoint_head_token1] = ACTIONS(13),
    [aux_sym__shell_head_token1] = ACTIONS(15),
    [aux_sym__copy_head_token1] = ACTIONS(17),
    [aux_sym__add_head_token1] = ACTIONS(19),
    [aux_sym__volume_head_token1] = ACTIONS(21),
    [aux_sym__label_head_token1] = ACTIONS(23),
    [aux_sym__env_head_token1] = ACTIONS(25),
    [aux_sym__arg_head_token1] = ACTIONS(27),
    [aux_sym__expose_head_token1] = ACTIONS(29),
    [aux_sym__maintainer_head_token1] = ACTIONS(31),
    [aux_sym__user_head_token1] = ACTIONS(33),
    [aux_sym__workdir_head_token1] = ACTIONS(35),
    [aux_sym__stopsignal_head_token1] = ACTIONS(37),
    [aux_sym__healthcheck_head_token1] = ACTIONS(39),
    [aux_sym__unknown_head_token1] = ACTIONS(41),
    [aux_sym__onbuild_head_token1] = ACTIONS(43),
    [sym_comment] = ACTIONS(53),
    [sym__newline] = ACTIONS(53),
    [sym_line_continuation] = ACTIONS(3),
  },
  [4] = {
    [sym__statement] = STATE(5),
    [sym__instruction] = STATE(5),
    [sym__from_head] = STATE(152),
    [sym__run_head] = STATE(154),
    [sym__cmd_head] = STATE(140),
    [sym__entrypoint_head] = STATE(128),
    [sym__shell_head] = STATE(146),
    [sym__copy_head] = STATE(149),
    [sym__add_head] = STATE(151),
    [sym__volume_head] = STATE(153),
    [sym__label_head] = STATE(127),
    [sym__env_head] = STATE(129),
    [sym__arg_head] = STATE(130),
    [sym__expose_head] = STATE(132),
    [sym__maintainer_head] = STATE(133),
    [sym__user_head] = STATE(134),
    [sym__workdir_head] = STATE(141),
    [sym__stopsignal_head] = STATE(142),
    [sym__healthcheck_head] = STATE(143),
    [sym__unknown_head] = STATE(144),
    [sym__onbuild_head] = STATE(145),
    [sym_from_instruction] = STATE(5),
    [sym_run_instruction] = STATE(5),
    [sym_cmd_instruction] = STATE(5),
    [sym_label_instruction] = STATE(5),
    [sym_maintainer_instruction] = STATE(5),
    [sym_expose_instruction] = STATE(5),
    [sym_env_instruction] = STATE(5),
    [sym_add_instruction] = STATE(5),
    [sym_copy_instruction] = STATE(5),
    [sym_entrypoint_instruction] = STATE(5),
    [sym_volume_instruction] = STATE(5),
    [sym_user_instruction] = STATE(5),
    [sym_workdir_instruction] = STATE(5),
    [sym_arg_instruction] = STATE(5),
    [sym_onbuild_instruction] = STATE(5),
    [sym_stopsignal_instruction] = STATE(5),
    [sym_healthcheck_instruction] = STATE(5),
    [sym_shell_instruction] = STATE(5),
    [sym_unknown_instruction] = STATE(5),
    [aux_sym_source_file_repeat2] = STATE(5),
    [ts_builtin_sym_end] = ACTIONS(55),
    [aux_sym__from_head_token1] = ACTIONS(7),
    [aux_sym__run_head_token1] = ACTIONS(9),
    [aux_sym__cmd_head_token1] = ACTIONS(11),
    [aux_sym__entrypoint_head_token1] = ACTIONS(13),
    [aux_sym__shell_head_token1] = ACTIONS(15),
    [aux_sym__copy_head_token1] = ACTIONS(17),
    [aux_sym__add_head_token1] = ACTIONS(19),
    [aux_sym__volume_head_token1] = ACTIONS(21),
    [aux_sym__label_head_token1] = ACTIONS(23),
    [aux_sym__env_head_token1] = ACTIONS(25),
    [aux_sym__arg_head_token1] = ACTIONS(27),
    [aux_sym__expose_head_token1] = ACTIONS(29),
    [aux_sym__maintainer_head_token1] = ACTIONS(31),
    [aux_sym__user_head_token1] = ACTIONS(33),
    [aux_sym__workdir_head_token1] = ACTIONS(35),
    [aux_sym__stopsignal_head_token1] = ACTIONS(37),
    [aux_sym__healthcheck_head_token1] = ACTIONS(39),
    [aux_sym__unknown_head_token1] = ACTIONS(41),
    [aux_sym__onbuild_head_token1] = ACTIONS(43),
    [sym_comment] = ACTIONS(53),
    [sym__newline] = ACTIONS(53),
    [sym_line_continuation] = ACTIONS(3),
  },
  [5] = {
    [sym__statement] = STATE(5),
    [sym__instruction] = STATE(5),
    [sym__from_head] = STATE(152),
    [sym__run_head] = STATE(154),
    [sym__cmd_head] = STATE(140),
    [sym__entrypoint_head] = STATE(128),
    [sym__shell_head] = STATE(146),
    [sym__copy_head] = STATE(149),
    [sym__add_head] = STATE(151),
    [sym__volume_head] = STATE(153),
    [sym__label_head] = STATE(127),
    [sym__env_head] = STATE(129),
    [sym__arg_head] = STATE(130),
    [sym__expose_head] = STATE(132),
    [sym__maintainer_head] = STATE(133),
    [sym__user_head] = STATE(134),
    [sym__workdir_head] = STATE(141),
    [sym__stopsignal_head] = STATE(142),
    [sym__healthcheck_head] = STATE(143),
    [sym__unknown_head] = STATE(144),
    [sym__onbuild_head] = STATE(145),
    [sym_from_instruction] = STATE(5),
    [sym_run_instruction] = STATE(5),
    [sym_cmd_instruction] = STATE(5),
    [sym_label_instruction] = STATE(5),
    [sym_maintainer_instruction] = STATE(5),
    [sym_expose_instruction] = STATE(5),
    [sym_env_instruction] = STATE(5),
    [sym_add_instruction] = STATE(5),
    [sym_copy_instruction] = STATE(5),
    [sym_entrypoint_instruction] = STATE(5),
    [sym_volume_instruction] = STATE(5),
    [sym_user_instruction] = STATE(5),
    [sym_workdir_instruction] = STATE(5),
    [sym_arg_instruction] = STATE(5),
    [sym_onbuild_instruction] = STATE(5),
    [sym_stopsignal_instruction] = STATE(5),
    [sym_healthcheck_instruction] = STATE(5),
    [sym_shell_instruction] = STATE(5),
    [sym_unknown_instruction] = STATE(5),
    [aux_sym_source_file_repeat2] = STATE(5),
    [ts_builtin_sym_end] = ACTIONS(57),
    [aux_sym__from_head_token1] = ACTIONS(59),
    [aux_sym__run_head_token1] = ACTIONS(62),
    [aux_sym__cmd_head_token1] = ACTIONS(65),
    [aux_sym__entrypoint_head_token1] = ACTIONS(68),
    [aux_sym__shell_head_token1] = ACTIONS(71),
    [aux_sym__copy_head_token1] = ACTIONS(74),
    [aux_sym__add_head_token1] = ACTIONS(77),
    [aux_sym__volume_head_token1] = ACTIONS(80),
    [aux_sym__label_head_token1] = ACTIONS(83),
    [aux_sym__env_head_token1] = ACTIONS(86),
    [aux_sym__arg_head_token1] = ACTIONS(89),
    [aux_sym__expose_head_token1] = ACTIONS(92),
    [aux_sym__maintainer_head_token1] = ACTIONS(95),
    [aux_sym__user_head_token1] = ACTIONS(98),
    [aux_sym__workdir_head_token1] = ACTIONS(101),
    [aux_sym__stopsignal_head_token1] = ACTIONS(104),
    [aux_sym__healthcheck_head_token1] = ACTIONS(107),
    [aux_sym__unknown_head_token1] = ACTIONS(110),
    [aux_sym__onbuild_head_token1] = ACTIONS(113),
    [sym_comment] = ACTIONS(116),
    [sym__newline] = ACTIONS(116),
    [sym_line_continuation] = ACTIONS(3),
  },
};

static const uint16_t ts_small_parse_table[] = {
  [0] = 45,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(7), 1,
      aux_sym__from_head_token1,
    ACTIONS(9), 1,
      aux_sym__run_head_token1,
    ACTIONS(11), 1,
      aux_sym__cmd_head_token1,
    ACTIONS(13), 1,
      aux_sym__entrypoint_head_token1,
    ACTIONS(15), 1,
      aux_sym__shell_head_token1,
    ACTIONS(17), 1,
      aux_sym__copy_head_token1,
    ACTIONS(19), 1,
      aux_sym__add_head_token1,
    ACTIONS(21), 1,
      aux_sym__volume_head_token1,
    ACTIONS(23), 1,
      aux_sym__label_head_token1,
    ACTIONS(25), 1,
      aux_sym__env_head_token1,
    ACTIONS(27), 1,
      aux_sym__arg_head_token1,
    ACTIONS(29), 1,
      aux_sym__expose_head_token1,
    ACTIONS(31), 1,
      aux_sym__maintainer_head_token1,
    ACTIONS(33), 1,
      aux_sym__user_head_token1,
    ACTIONS(35), 1,
      aux_sym__workdir_head_token1,
    ACTIONS(37), 1,
      aux_sym__stopsignal_head_token1,
    ACTIONS(39), 1,
      aux_sym__healthcheck_head_token1,
    ACTIONS(41), 1,
      aux_sym__unknown_head_token1,
    ACTIONS(43), 1,
      aux_sym__onbuild_head_token1,
    ACTIONS(121), 1,
      sym_flag,
    ACTIONS(123), 1,
      sym__flags_end,
    STATE(7), 1,
      sym__flags,
    STATE(21), 1,
      aux_sym__flags_repeat1,
    STATE(156), 1,
      sym__workdir_head,
    STATE(157), 1,
      sym__from_head,
    STATE(158), 1,
      sym__run_head,
    STATE(159), 1,
      sym__cmd_head,
    STATE(160), 1,
      sym__entrypoint_head,
    STATE(166), 1,
      sym__shell_head,
    STATE(168), 1,
      sym__copy_head,
    STATE(169), 1,
      sym__add_head,
    STATE(170), 1,
      sym__volume_head,
    STATE(171), 1,
      sym__label_head,
    STATE(172), 1,
      sym__env_head,
    STATE(173), 1,
      sym__arg_head,
    STATE(174), 1,
      sym__expose_head,
    STATE(175), 1,
      sym__maintainer_head,
    STATE(178), 1,
      sym__user_head,
    STATE(183), 1,
      sym__healthcheck_head,
    STATE(187), 1,
      sym__unknown_head,
    STATE(189), 1,
      sym__trigger,
    STATE(190), 1,
      sym__onbuild_head,
    STATE(208), 1,
      sym__stopsignal_head,
    ACTIONS(119), 2,
      sym__newline,
      sym__eof,
  [137] = 41,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(7), 1,
      aux_sym__from_head_token1,
    ACTIONS(9), 1,
      aux_sym__run_head_token1,
    ACTIONS(11), 1,
      aux_sym__cmd_head_token1,
    ACTIONS(13), 1,
      aux_sym__entrypoint_head_token1,
    ACTIONS(15), 1,
      aux_sym__shell_head_token1,
    ACTIONS(17), 1,
      aux_sym__copy_head_token1,
    ACTIONS(19), 1,
      aux_sym__add_head_token1,
    ACTIONS(21), 1,
      aux_sym__volume_head_token1,
    ACTIONS(23), 1,
      aux_sym__label_head_token1,
    ACTIONS(25), 1,
      aux_sym__env_head_token1,
    ACTIONS(27), 1,
      aux_sym__arg_head_token1,
    ACTIONS(29), 1,
      aux_sym__expose_head_token1,
    ACTIONS(31), 1,
      aux_sym__maintainer_head_token1,
    ACTIONS(33), 1,
      aux_sym__user_head_token1,
    ACTIONS(35), 1,
      aux_sym__workdir_head_token1,
    ACTIONS(37), 1,
      aux_sym__stopsignal_head_token1,
    ACTIONS(39), 1,
      aux_sym__healthcheck_head_token1,
    ACTIONS(41), 1,
      aux_sym__unknown_head_token1,
    ACTIONS(43), 1,
      aux_sym__onbuild_head_token1,
    STATE(156), 1,
      sym__workdir_head,
    STATE(157), 1,
      sym__from_head,
    STATE(158), 1,
      sym__run_head,
    STATE(159), 1,
      sym__cmd_head,
    STATE(160), 1,
      sym__entrypoint_head,
    STATE(166), 1,
      sym__shell_head,
    STATE(167), 1,
      sym__trigger,
    STATE(168), 1,
      sym__copy_head,
    STATE(169), 1,
      sym__add_head,
    STATE(170), 1,
      sym__volume_head,
    STATE(171), 1,
      sym__label_head,
    STATE(172), 1,
      sym__env_head,
    STATE(173), 1,
      sym__arg_head,
    STATE(174), 1,
      sym__expose_head,
    STATE(175), 1,
      sym__maintainer_head,
    STATE(178), 1,
      sym__user_head,
    STATE(183), 1,
      sym__healthcheck_head,
    STATE(187), 1,
      sym__unknown_head,
    STATE(190), 1,
      sym__onbuild_head,
    STATE(208), 1,
      sym__stopsignal_head,
    ACTIONS(125), 2,
      sym__newline,
      sym__eof,
  [262] = 6,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(131), 1,
      sym_heredoc_content,
    ACTIONS(133), 1,
      sym_heredoc_end,
    STATE(14), 2,
      aux_sym__heredocs,
      sym_heredoc_body,
    ACTIONS(127), 3,
      sym_comment,
      sym__newline,
      ts_builtin_sym_end,
    ACTIONS(129), 19,
      aux_sym__from_head_token1,
      aux_sym__run_head_token1,
      aux_sym__cmd_head_token1,
      aux_sym__entrypoint_head_token1,
      aux_sym__shell_head_token1,
      aux_sym__copy_head_token1,
      aux_sym__add_head_token1,
      aux_sym__volume_head_token1,
      aux_sym__label_head_token1,
      aux_sym__env_head_token1,
      aux_sym__arg_head_token1,
      aux_sym__expose_head_token1,
      aux_sym__maintainer_head_token1,
      aux_sym__user_head_token1,
      aux_sym__workdir_head_token1,
      aux_sym__stopsignal_head_token1,
      aux_sym__healthcheck_head_token1,
      aux_sym__unknown_head_token1,
      aux_sym__onbuild_head_token1,
  [302] = 6,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(131), 1,
      sym_heredoc_content,
    ACTIONS(133), 1,
      sym_heredoc_end,
    STATE(12), 2,
      aux_sym__heredocs,
      sym_heredoc_body,
    ACTIONS(135), 3,
      sym_comment,
      sym__newline,
      ts_builtin_sym_end,
    ACTIONS(137), 19,
      aux_sym__from_head_token1,
      aux_sym__run_head_token1,
      aux_sym__cmd_head_token1,
      aux_sym__entrypoint_head_token1,
      aux_sym__shell_head_token1,
      aux_sym__copy_head_token1,
      aux_sym__add_head_token1,
      aux_sym__volume_head_token1,
      aux_sym__label_head_token1,
      aux_sym__env_head_token1,
      aux_sym__arg_head_token1,
      aux_sym__expose_head_token1,
      aux_sym__maintainer_head_token1,
      aux_sym__user_head_token1,
      aux_sym__workdir_head_token1,
      aux_sym__stopsignal_head_token1,
      aux_sym__healthcheck_head_token1,
      aux_sym__unknown_head_token1,
      aux_sym__onbuild_head_token1,
  [342] = 6,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(131), 1,
      sym_heredoc_content,
    ACTIONS(133), 1,
      sym_heredoc_end,
    STATE(13), 2,
      aux_sym__heredocs,
      sym_heredoc_body,
    ACTIONS(139), 3,
      sym_comment,
      sym__newline,
      ts_builtin_sym_end,
    ACTIONS(141), 19,
      aux_sym__from_head_token1,
      aux_sym__run_head_token1,
      aux_sym__cmd_head_token1,
      aux_sym__entrypoint_head_token1,
      aux_sym__shell_head_token1,
      aux_sym__copy_head_token1,
      aux_sym__add_head_token1,
      aux_sym__volume_head_token1,
      aux_sym__label_head_token1,
      aux_sym__env_head_token1,
      aux_sym__arg_head_token1,
      aux_sym__expose_head_token1,
      aux_sym__maintainer_head_token1,
      aux_sym__user_head_token1,
      aux_sym__workdir_head_token1,
      aux_sym__stopsignal_head_token1,
      aux_sym__healthcheck_head_token1,
      aux_sym__unknown_head_token1,
      aux_sym__onbuild_head_token1,
  [382] = 6,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(131), 1,
      sym_heredoc_content,
    ACTIONS(133), 1,
      sym_heredoc_end,
    STATE(15), 2,
      aux_sym__heredocs,
      sym_heredoc_body,
    ACTIONS(143), 3,
      sym_comment,
      sym__newline,
      ts_builtin_sym_end,
    ACTIONS(145), 19,
      aux_sym__from_head_token1,
      aux_sym__run_head_token1,
      aux_sym__cmd_head_token1,
      aux_sym__entrypoint_head_token1,
      aux_sym__shell_head_token1,
      aux_sym__copy_head_token1,
      aux_sym__add_head_token1,
      aux_sym__volume_head_token1,
      aux_sym__label_head_token1,
      aux_sym__env_head_token1,
      aux_sym__arg_head_token1,
      aux_sym__expose_head_token1,
      aux_sym__maintainer_head_token1,
      aux_sym__user_head_token1,
      aux_sym__workdir_head_token1,
      aux_sym__stopsignal_head_token1,
      aux_sym__healthcheck_head_token1,
      aux_sym__unknown_head_token1,
      aux_sym__onbuild_head_token1,
  [422] = 6,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(131), 1,
      sym_heredoc_content,
    ACTIONS(133), 1,
      sym_heredoc_end,
    STATE(16), 2,
      aux_sym__heredocs,
      sym_heredoc_body,
    ACTIONS(147), 3,
      sym_comment,
      sym__newline,
      ts_builtin_sym_end,
    ACTIONS(149), 19,
      aux_sym__from_head_token1,
      aux_sym__run_head_token1,
      aux_sym__cmd_head_token1,
      aux_sym__entrypoint_head_token1,
      aux_sym__shell_head_token1,
      aux_sym__copy_head_token1,
      aux_sym__add_head_token1,
      aux_sym__volume_head_token1,
      aux_sym__label_head_token1,
      aux_sym__env_head_token1,
      aux_sym__arg_head_token1,
      aux_sym__expose_head_token1,
      aux_sym__maintainer_head_token1,
      aux_sym__user_head_token1,
      aux_sym__workdir_head_token1,
      aux_sym__stopsignal_head_token1,
      aux_sym__healthcheck_head_token1,
      aux_sym__unknown_head_token1,
      aux_sym__onbuild_head_token1,
  [462] = 6,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(131), 1,
      sym_heredoc_content,
    ACTIONS(133), 1,
      sym_heredoc_end,
    STATE(16), 2,
      aux_sym__heredocs,
      sym_heredoc_body,
    ACTIONS(151), 3,
      sym_comment,
      sym__newline,
      ts_builtin_sym_end,
    ACTIONS(153), 19,
      aux_sym__from_head_token1,
      aux_sym__run_head_token1,
      aux_sym__cmd_head_token1,
      aux_sym__entrypoint_head_token1,
      aux_sym__shell_head_token1,
      aux_sym__copy_head_token1,
      aux_sym__add_head_token1,
      aux_sym__volume_head_token1,
      aux_sym__label_head_token1,
      aux_sym__env_head_token1,
      aux_sym__arg_head_token1,
      aux_sym__expose_head_token1,
      aux_sym__maintainer_head_token1,
      aux_sym__user_head_token1,
      aux_sym__workdir_head_token1,
      aux_sym__stopsignal_head_token1,
      aux_sym__healthcheck_head_token1,
      aux_sym__unknown_head_token1,
      aux_sym__onbuild_head_token1,
  [502] = 6,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(131), 1,
      sym_heredoc_content,
    ACTIONS(133), 1,
      sym_heredoc_end,
    STATE(16), 2,
      aux_sym__heredocs,
      sym_heredoc_body,
    ACTIONS(155), 3,
      sym_comment,
      sym__newline,
      ts_builtin_sym_end,
    ACTIONS(157), 19,
      aux_sym__from_head_token1,
      aux_sym__run_head_token1,
      aux_sym__cmd_head_token1,
      aux_sym__entrypoint_head_token1,
      aux_sym__shell_head_token1,
      aux_sym__copy_head_token1,
      aux_sym__add_head_token1,
      aux_sym__volume_head_token1,
      aux_sym__label_head_token1,
      aux_sym__env_head_token1,
      aux_sym__arg_head_token1,
      aux_sym__expose_head_token1,
      aux_sym__maintainer_head_token1,
      aux_sym__user_head_token1,
      aux_sym__workdir_head_token1,
      aux_sym__stopsignal_head_token1,
      aux_sym__healthcheck_head_token1,
      aux_sym__unknown_head_token1,
      aux_sym__onbuild_head_token1,
  [542] = 6,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(131), 1,
      sym_heredoc_content,
    ACTIONS(133), 1,
      sym_heredoc_end,
    STATE(16), 2,
      aux_sym__heredocs,
      sym_heredoc_body,
    ACTIONS(159), 3,
      sym_comment,
      sym__newline,
      ts_builtin_sym_end,
    ACTIONS(161), 19,
      aux_sym__from_head_token1,
      aux_sym__run_head_token1,
      aux_sym__cmd_head_token1,
      aux_sym__entrypoint_head_token1,
      aux_sym__shell_head_token1,
      aux_sym__copy_head_token1,
      aux_sym__add_head_token1,
      aux_sym__volume_head_token1,
      aux_sym__label_head_token1,
      aux_sym__env_head_token1,
      aux_sym__arg_head_token1,
      aux_sym__expose_head_token1,
      aux_sym__maintainer_head_token1,
      aux_sym__user_head_token1,
      aux_sym__workdir_head_token1,
      aux_sym__stopsignal_head_token1,
      aux_sym__healthcheck_head_token1,
      aux_sym__unknown_head_token1,
      aux_sym__onbuild_head_token1,
  [582] = 6,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(167), 1,
      sym_heredoc_content,
    ACTIONS(170), 1,
      sym_heredoc_end,
    STATE(16), 2,
      aux_sym__heredocs,
      sym_heredoc_body,
    ACTIONS(163), 3,
      sym_comment,
      sym__newline,
      ts_builtin_sym_end,
    ACTIONS(165), 19,
      aux_sym__from_head_token1,
      aux_sym__run_head_token1,
      aux_sym__cmd_head_token1,
      aux_sym__entrypoint_head_token1,
      aux_sym__shell_head_token1,
      aux_sym__copy_head_token1,
      aux_sym__add_head_token1,
      aux_sym__volume_head_token1,
      aux_sym__label_head_token1,
      aux_sym__env_head_token1,
      aux_sym__arg_head_token1,
      aux_sym__expose_head_token1,
      aux_sym__maintainer_head_token1,
      aux_sym__user_head_token1,
      aux_sym__workdir_head_token1,
      aux_sym__stopsignal_head_token1,
      aux_sym__healthcheck_head_token1,
      aux_sym__unknown_head_token1,
      aux_sym__onbuild_head_token1,
  [622] = 5,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(177), 1,
      sym__directive_line,
    STATE(17), 2,
      sym_parser_directive,
      aux_sym_source_file_repeat1,
    ACTIONS(173), 3,
      sym_comment,
      sym__newline,
      ts_builtin_sym_end,
    ACTIONS(175), 19,
      aux_sym__from_head_token1,
      aux_sym__run_head_token1,
      aux_sym__cmd_head_token1,
      aux_sym__entrypoint_head_token1,
      aux_sym__shell_head_token1,
      aux_sym__copy_head_token1,
      aux_sym__add_head_token1,
      aux_sym__volume_head_token1,
      aux_sym__label_head_token1,
      aux_sym__env_head_token1,
      aux_sym__arg_head_token1,
      aux_sym__expose_head_token1,
      aux_sym__maintainer_head_token1,
      aux_sym__user_head_token1,
      aux_sym__workdir_head_token1,
      aux_sym__stopsignal_head_token1,
      aux_sym__healthcheck_head_token1,
      aux_sym__unknown_head_token1,
      aux_sym__onbuild_head_token1,
  [659] = 3,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(180), 5,
      sym_comment,
      sym__newline,
      sym_heredoc_content,
      sym_heredoc_end,
      ts_builtin_sym_end,
    ACTIONS(182), 19,
      aux_sym__from_head_token1,
      aux_sym__run_head_token1,
      aux_sym__cmd_head_token1,
      aux_sym__entrypoint_head_token1,
      aux_sym__shell_head_token1,
      aux_sym__copy_head_token1,
      aux_sym__add_head_token1,
      aux_sym__volume_head_token1,
      aux_sym__label_head_token1,
      aux_sym__env_head_token1,
      aux_sym__arg_head_token1,
      aux_sym__expose_head_token1,
      aux_sym__maintainer_head_token1,
      aux_sym__user_head_token1,
      aux_sym__workdir_head_token1,
      aux_sym__stopsignal_head_token1,
      aux_sym__healthcheck_head_token1,
      aux_sym__unknown_head_token1,
      aux_sym__onbuild_head_token1,
  [691] = 4,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(184), 1,
      sym_heredoc_end,
    ACTIONS(180), 4,
      sym_comment,
      sym__newline,
      sym_heredoc_content,
      ts_builtin_sym_end,
    ACTIONS(182), 19,
      aux_sym__from_head_token1,
      aux_sym__run_head_token1,
      aux_sym__cmd_head_token1,
      aux_sym__entrypoint_head_token1,
      aux_sym__shell_head_token1,
      aux_sym__copy_head_token1,
      aux_sym__add_head_token1,
      aux_sym__volume_head_token1,
      aux_sym__label_head_token1,
      aux_sym__env_head_token1,
      aux_sym__arg_head_token1,
      aux_sym__expose_head_token1,
      aux_sym__maintainer_head_token1,
      aux_sym__user_head_token1,
      aux_sym__workdir_head_token1,
      aux_sym__stopsignal_head_token1,
      aux_sym__healthcheck_head_token1,
      aux_sym__unknown_head_token1,
      aux_sym__onbuild_head_token1,
  [725] = 3,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(186), 5,
      sym_comment,
      sym__newline,
      sym_heredoc_content,
      sym_heredoc_end,
      ts_builtin_sym_end,
    ACTIONS(188), 19,
      aux_sym__from_head_token1,
      aux_sym__run_head_token1,
      aux_sym__cmd_head_token1,
      aux_sym__entrypoint_head_token1,
      aux_sym__shell_head_token1,
      aux_sym__copy_head_token1,
      aux_sym__add_head_token1,
      aux_sym__volume_head_token1,
      aux_sym__label_head_token1,
      aux_sym__env_head_token1,
      aux_sym__arg_head_token1,
      aux_sym__expose_head_token1,
      aux_sym__maintainer_head_token1,
      aux_sym__user_head_token1,
      aux_sym__workdir_head_token1,
      aux_sym__stopsignal_head_token1,
      aux_sym__healthcheck_head_token1,
      aux_sym__unknown_head_token1,
      aux_sym__onbuild_head_token1,
  [757] = 6,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(194), 1,
      sym_flag,
    ACTIONS(196), 1,
      sym__flags_end,
    STATE(22), 1,
      aux_sym__flags_repeat1,
    ACTIONS(192), 2,
      sym__newline,
      sym__eof,
    ACTIONS(190), 19,
      aux_sym__from_head_token1,
      aux_sym__run_head_token1,
      aux_sym__cmd_head_token1,
      aux_sym__entrypoint_head_token1,
      aux_sym__shell_head_token1,
      aux_sym__copy_head_token1,
      aux_sym__add_head_token1,
      aux_sym__volume_head_token1,
      aux_sym__label_head_token1,
      aux_sym__env_head_token1,
      aux_sym__arg_head_token1,
      aux_sym__expose_head_token1,
      aux_sym__maintainer_head_token1,
      aux_sym__user_head_token1,
      aux_sym__workdir_head_token1,
      aux_sym__stopsignal_head_token1,
      aux_sym__healthcheck_head_token1,
      aux_sym__unknown_head_token1,
      aux_sym__onbuild_head_token1,
  [795] = 5,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(202), 1,
      sym_flag,
    STATE(22), 1,
      aux_sym__flags_repeat1,
    ACTIONS(200), 3,
      sym__newline,
      sym__eof,
      sym__flags_end,
    ACTIONS(198), 19,
      aux_sym__from_head_token1,
      aux_sym__run_head_token1,
      aux_sym__cmd_head_token1,
      aux_sym__entrypoint_head_token1,
      aux_sym__shell_head_token1,
      aux_sym__copy_head_token1,
      aux_sym__add_head_token1,
      aux_sym__volume_head_token1,
      aux_sym__label_head_token1,
      aux_sym__env_head_token1,
      aux_sym__arg_head_token1,
      aux_sym__expose_head_token1,
      aux_sym__maintainer_head_token1,
      aux_sym__user_head_token1,
      aux_sym__workdir_head_token1,
      aux_sym__stopsignal_head_token1,
      aux_sym__healthcheck_head_token1,
      aux_sym__unknown_head_token1,
      aux_sym__onbuild_head_token1,
  [831] = 3,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(205), 4,
      sym__directive_line,
      sym_comment,
      sym__newline,
      ts_builtin_sym_end,
    ACTIONS(207), 19,
      aux_sym__from_head_token1,
      aux_sym__run_head_token1,
      aux_sym__cmd_head_token1,
      aux_sym__entrypoint_head_token1,
      aux_sym__shell_head_token1,
      aux_sym__copy_head_token1,
      aux_sym__add_head_token1,
      aux_sym__volume_head_token1,
      aux_sym__label_head_token1,
      aux_sym__env_head_token1,
      aux_sym__arg_head_token1,
      aux_sym__expose_head_token1,
      aux_sym__maintainer_head_token1,
      aux_sym__user_head_token1,
      aux_sym__workdir_head_token1,
      aux_sym__stopsignal_head_token1,
      aux_sym__healthcheck_head_token1,
      aux_sym__unknown_head_token1,
      aux_sym__onbuild_head_token1,
  [862] = 3,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(209), 3,
      sym_comment,
      sym__newline,
      ts_builtin_sym_end,
    ACTIONS(211), 19,
      aux_sym__from_head_token1,
      aux_sym__run_head_token1,
      aux_sym__cmd_head_token1,
      aux_sym__entrypoint_head_token1,
      aux_sym__shell_head_token1,
      aux_sym__copy_head_token1,
      aux_sym__add_head_token1,
      aux_sym__volume_head_token1,
      aux_sym__label_head_token1,
      aux_sym__env_head_token1,
      aux_sym__arg_head_token1,
      aux_sym__expose_head_token1,
      aux_sym__maintainer_head_token1,
      aux_sym__user_head_token1,
      aux_sym__workdir_head_token1,
      aux_sym__stopsignal_head_token1,
      aux_sym__healthcheck_head_token1,
      aux_sym__unknown_head_token1,
      aux_sym__onbuild_head_token1,
  [892] = 3,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(213), 3,
      sym_comment,
      sym__newline,
      ts_builtin_sym_end,
    ACTIONS(215), 19,
      aux_sym__from_head_token1,
      aux_sym__run_head_token1,
      aux_sym__cmd_head_token1,
      aux_sym__entrypoint_head_token1,
      aux_sym__shell_head_token1,
      aux_sym__copy_head_token1,
      aux_sym__add_head_token1,
      aux_sym__volume_head_token1,
      aux_sym__label_head_token1,
      aux_sym__env_head_token1,
      aux_sym__arg_head_token1,
      aux_sym__expose_head_token1,
      aux_sym__maintainer_head_token1,
      aux_sym__user_head_token1,
      aux_sym__workdir_head_token1,
      aux_sym__stopsignal_head_token1,
      aux_sym__healthcheck_head_token1,
      aux_sym__unknown_head_token1,
      aux_sym__onbuild_head_token1,
  [922] = 3,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(217), 3,
      sym_comment,
      sym__newline,
      ts_builtin_sym_end,
    ACTIONS(219), 19,
      aux_sym__from_head_token1,
      aux_sym__run_head_token1,
      aux_sym__cmd_head_token1,
      aux_sym__entrypoint_head_token1,
      aux_sym__shell_head_token1,
      aux_sym__copy_head_token1,
      aux_sym__add_head_token1,
      aux_sym__volume_head_token1,
      aux_sym__label_head_token1,
      aux_sym__env_head_token1,
      aux_sym__arg_head_token1,
      aux_sym__expose_head_token1,
      aux_sym__maintainer_head_token1,
      aux_sym__user_head_token1,
      aux_sym__workdir_head_token1,
      aux_sym__stopsignal_head_token1,
      aux_sym__healthcheck_head_token1,
      aux_sym__unknown_head_token1,
      aux_sym__onbuild_head_token1,
  [952] = 3,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(221), 3,
      sym_comment,
      sym__newline,
      ts_builtin_sym_end,
    ACTIONS(223), 19,
      aux_sym__from_head_token1,
      aux_sym__run_head_token1,
      aux_sym__cmd_head_token1,
      aux_sym__entrypoint_head_token1,
      aux_sym__shell_head_token1,
      aux_sym__copy_head_token1,
      aux_sym__add_head_token1,
      aux_sym__volume_head_token1,
      aux_sym__label_head_token1,
      aux_sym__env_head_token1,
      aux_sym__arg_head_token1,
      aux_sym__expose_head_token1,
      aux_sym__maintainer_head_token1,
      aux_sym__user_head_token1,
      aux_sym__workdir_head_token1,
      aux_sym__stopsignal_head_token1,
      aux_sym__healthcheck_head_token1,
      aux_sym__unknown_head_token1,
      aux_sym__onbuild_head_token1,
  [982] = 3,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(225), 3,
      sym_comment,
      sym__newline,
      ts_builtin_sym_end,
    ACTIONS(227), 19,
      aux_sym__from_head_token1,
      aux_sym__run_head_token1,
      aux_sym__cmd_head_token1,
      aux_sym__entrypoint_head_token1,
      aux_sym__shell_head_token1,
      aux_sym__copy_head_token1,
      aux_sym__add_head_token1,
      aux_sym__volume_head_token1,
      aux_sym__label_head_token1,
      aux_sym__env_head_token1,
      aux_sym__arg_head_token1,
      aux_sym__expose_head_token1,
      aux_sym__maintainer_head_token1,
      aux_sym__user_head_token1,
      aux_sym__workdir_head_token1,
      aux_sym__stopsignal_head_token1,
      aux_sym__healthcheck_head_token1,
      aux_sym__unknown_head_token1,
      aux_sym__onbuild_head_token1,
  [1012] = 3,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(229), 3,
      sym_comment,
      sym__newline,
      ts_builtin_sym_end,
    ACTIONS(231), 19,
      aux_sym__from_head_token1,
      aux_sym__run_head_token1,
      aux_sym__cmd_head_token1,
      aux_sym__entrypoint_head_token1,
      aux_sym__shell_head_token1,
      aux_sym__copy_head_token1,
      aux_sym__add_head_token1,
      aux_sym__volume_head_token1,
      aux_sym__label_head_token1,
      aux_sym__env_head_token1,
      aux_sym__arg_head_token1,
      aux_sym__expose_head_token1,
      aux_sym__maintainer_head_token1,
      aux_sym__user_head_token1,
      aux_sym__workdir_head_token1,
      aux_sym__stopsignal_head_token1,
      aux_sym__healthcheck_head_token1,
      aux_sym__unknown_head_token1,
      aux_sym__onbuild_head_token1,
  [1042] = 3,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(233), 3,
      sym_comment,
      sym__newline,
      ts_builtin_sym_end,
    ACTIONS(235), 19,
      aux_sym__from_head_token1,
      aux_sym__run_head_token1,
      aux_sym__cmd_head_token1,
      aux_sym__entrypoint_head_token1,
      aux_sym__shell_head_token1,
      aux_sym__copy_head_token1,
      aux_sym__add_head_token1,
      aux_sym__volume_head_token1,
      aux_sym__label_head_token1,
      aux_sym__env_head_token1,
      aux_sym__arg_head_token1,
      aux_sym__expose_head_token1,
      aux_sym__maintainer_head_token1,
      aux_sym__user_head_token1,
      aux_sym__workdir_head_token1,
      aux_sym__stopsignal_head_token1,
      aux_sym__healthcheck_head_token1,
      aux_sym__unknown_head_token1,
      aux_sym__onbuild_head_token1,
  [1072] = 3,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(237), 3,
      sym_comment,
      sym__newline,
      ts_builtin_sym_end,
    ACTIONS(239), 19,
      aux_sym__from_head_token1,
      aux_sym__run_head_token1,
      aux_sym__cmd_head_token1,
      aux_sym__entrypoint_head_token1,
      aux_sym__shell_head_token1,
      aux_sym__copy_head_token1,
      aux_sym__add_head_token1,
      aux_sym__volume_head_token1,
      aux_sym__label_head_token1,
      aux_sym__env_head_token1,
      aux_sym__arg_head_token1,
      aux_sym__expose_head_token1,
      aux_sym__maintainer_head_token1,
      aux_sym__user_head_token1,
      aux_sym__workdir_head_token1,
      aux_sym__stopsignal_head_token1,
      aux_sym__healthcheck_head_token1,
      aux_sym__unknown_head_token1,
      aux_sym__onbuild_head_token1,
  [1102] = 3,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(241), 3,
      sym_comment,
      sym__newline,
      ts_builtin_sym_end,
    ACTIONS(243), 19,
      aux_sym__from_head_token1,
      aux_sym__run_head_token1,
      aux_sym__cmd_head_token1,
      aux_sym__entrypoint_head_token1,
      aux_sym__shell_head_token1,
      aux_sym__copy_head_token1,
      aux_sym__add_head_token1,
      aux_sym__volume_head_token1,
      aux_sym__label_head_token1,
      aux_sym__env_head_token1,
      aux_sym__arg_head_token1,
      aux_sym__expose_head_token1,
      aux_sym__maintainer_head_token1,
      aux_sym__user_head_token1,
      aux_sym__workdir_head_token1,
      aux_sym__stopsignal_head_token1,
      aux_sym__healthcheck_head_token1,
      aux_sym__unknown_head_token1,
      aux_sym__onbuild_head_token1,
  [1132] = 3,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(245), 3,
      sym_comment,
      sym__newline,
      ts_builtin_sym_end,
    ACTIONS(247), 19,
      aux_sym__from_head_token1,
      aux_sym__run_head_token1,
      aux_sym__cmd_head_token1,
      aux_sym__entrypoint_head_token1,
      aux_sym__shell_head_token1,
      aux_sym__copy_head_token1,
      aux_sym__add_head_token1,
      aux_sym__volume_head_token1,
      aux_sym__label_head_token1,
      aux_sym__env_head_token1,
      aux_sym__arg_head_token1,
      aux_sym__expose_head_token1,
      aux_sym__maintainer_head_token1,
      aux_sym__user_head_token1,
      aux_sym__workdir_head_token1,
      aux_sym__stopsignal_head_token1,
      aux_sym__healthcheck_head_token1,
      aux_sym__unknown_head_token1,
      aux_sym__onbuild_head_token1,
  [1162] = 3,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(249), 3,
      sym_comment,
      sym__newline,
      ts_builtin_sym_end,
    ACTIONS(251), 19,
      aux_sym__from_head_token1,
      aux_sym__run_head_token1,
      aux_sym__cmd_head_token1,
      aux_sym__entrypoint_head_token1,
      aux_sym__shell_head_token1,
      aux_sym__copy_head_token1,
      aux_sym__add_head_token1,
      aux_sym__volume_head_token1,
      aux_sym__label_head_token1,
      aux_sym__env_head_token1,
      aux_sym__arg_head_token1,
      aux_sym__expose_head_token1,
      aux_sym__maintainer_head_token1,
      aux_sym__user_head_token1,
      aux_sym__workdir_head_token1,
      aux_sym__stopsignal_head_token1,
      aux_sym__healthcheck_head_token1,
      aux_sym__unknown_head_token1,
      aux_sym__onbuild_head_token1,
  [1192] = 3,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(253), 3,
      sym_comment,
      sym__newline,
      ts_builtin_sym_end,
    ACTIONS(255), 19,
      aux_sym__from_head_token1,
      aux_sym__run_head_token1,
      aux_sym__cmd_head_token1,
      aux_sym__entrypoint_head_token1,
      aux_sym__shell_head_token1,
      aux_sym__copy_head_token1,
      aux_sym__add_head_token1,
      aux_sym__volume_head_token1,
      aux_sym__label_head_token1,
      aux_sym__env_head_token1,
      aux_sym__arg_head_token1,
      aux_sym__expose_head_token1,
      aux_sym__maintainer_head_token1,
      aux_sym__user_head_token1,
      aux_sym__workdir_head_token1,
      aux_sym__stopsignal_head_token1,
      aux_sym__healthcheck_head_token1,
      aux_sym__unknown_head_token1,
      aux_sym__onbuild_head_token1,
  [1222] = 3,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(257), 3,
      sym_comment,
      sym__newline,
      ts_builtin_sym_end,
    ACTIONS(259), 19,
      aux_sym__from_head_token1,
      aux_sym__run_head_token1,
      aux_sym__cmd_head_token1,
      aux_sym__entrypoint_head_token1,
      aux_sym__shell_head_token1,
      aux_sym__copy_head_token1,
      aux_sym__add_head_token1,
      aux_sym__volume_head_token1,
      aux_sym__label_head_token1,
      aux_sym__env_head_token1,
      aux_sym__arg_head_token1,
      aux_sym__expose_head_token1,
      aux_sym__maintainer_head_token1,
      aux_sym__user_head_token1,
      aux_sym__workdir_head_token1,
      aux_sym__stopsignal_head_token1,
      aux_sym__healthcheck_head_token1,
      aux_sym__unknown_head_token1,
      aux_sym__onbuild_head_token1,
  [1252] = 3,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(261), 3,
      sym_comment,
      sym__newline,
      ts_builtin_sym_end,
    ACTIONS(263), 19,
      aux_sym__from_head_token1,
      aux_sym__run_head_token1,
      aux_sym__cmd_head_token1,
      aux_sym__entrypoint_head_token1,
      aux_sym__shell_head_token1,
      aux_sym__copy_head_token1,
      aux_sym__add_head_token1,
      aux_sym__volume_head_token1,
      aux_sym__label_head_token1,
      aux_sym__env_head_token1,
      aux_sym__arg_head_token1,
      aux_sym__expose_head_token1,
      aux_sym__maintainer_head_token1,
      aux_sym__user_head_token1,
      aux_sym__workdir_head_token1,
      aux_sym__stopsignal_head_token1,
      aux_sym__healthcheck_head_token1,
      aux_sym__unknown_head_token1,
      aux_sym__onbuild_head_token1,
  [1282] = 3,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(265), 3,
      sym_comment,
      sym__newline,
      ts_builtin_sym_end,
    ACTIONS(267), 19,
      aux_sym__from_head_token1,
      aux_sym__run_head_token1,
      aux_sym__cmd_head_token1,
      aux_sym__entrypoint_head_token1,
      aux_sym__shell_head_token1,
      aux_sym__copy_head_token1,
      aux_sym__add_head_token1,
      aux_sym__volume_head_token1,
      aux_sym__label_head_token1,
      aux_sym__env_head_token1,
      aux_sym__arg_head_token1,
      aux_sym__expose_head_token1,
      aux_sym__maintainer_head_token1,
      aux_sym__user_head_token1,
      aux_sym__workdir_head_token1,
      aux_sym__stopsignal_head_token1,
      aux_sym__healthcheck_head_token1,
      aux_sym__unknown_head_token1,
      aux_sym__onbuild_head_token1,
  [1312] = 3,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(271), 2,
      sym__newline,
      sym__eof,
    ACTIONS(269), 19,
      aux_sym__from_head_token1,
      aux_sym__run_head_token1,
      aux_sym__cmd_head_token1,
      aux_sym__entrypoint_head_token1,
      aux_sym__shell_head_token1,
      aux_sym__copy_head_token1,
      aux_sym__add_head_token1,
      aux_sym__volume_head_token1,
      aux_sym__label_head_token1,
      aux_sym__env_head_token1,
      aux_sym__arg_head_token1,
      aux_sym__expose_head_token1,
      aux_sym__maintainer_head_token1,
      aux_sym__user_head_token1,
      aux_sym__workdir_head_token1,
      aux_sym__stopsignal_head_token1,
      aux_sym__healthcheck_head_token1,
      aux_sym__unknown_head_token1,
      aux_sym__onbuild_head_token1,
  [1341] = 12,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(275), 1,
      sym__exec_form_start,
    ACTIONS(277), 1,
      sym__shell_form_start,
    ACTIONS(279), 1,
      sym_flag,
    ACTIONS(281), 1,
      sym__flags_end,
    ACTIONS(283), 1,
      sym__word,
    ACTIONS(285), 1,
      sym_heredoc_marker,
    STATE(48), 1,
      sym__flags,
    STATE(61), 1,
      aux_sym__flags_repeat1,
    ACTIONS(273), 2,
      sym__newline,
      sym__eof,
    STATE(80), 2,
      sym_word,
      aux_sym__copy_args_repeat1,
    STATE(199), 2,
      sym_json_array,
      sym__copy_args,
  [1381] = 12,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(275), 1,
      sym__exec_form_start,
    ACTIONS(277), 1,
      sym__shell_form_start,
    ACTIONS(279), 1,
      sym_flag,
    ACTIONS(283), 1,
      sym__word,
    ACTIONS(285), 1,
      sym_heredoc_marker,
    ACTIONS(289), 1,
      sym__flags_end,
    STATE(47), 1,
      sym__flags,
    STATE(61), 1,
      aux_sym__flags_repeat1,
    ACTIONS(287), 2,
      sym__newline,
      sym__eof,
    STATE(80), 2,
      sym_word,
      aux_sym__copy_args_repeat1,
    STATE(196), 2,
      sym_json_array,
      sym__copy_args,
  [1421] = 11,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(275), 1,
      sym__exec_form_start,
    ACTIONS(293), 1,
      sym__shell_form_start,
    ACTIONS(295), 1,
      sym_flag,
    ACTIONS(297), 1,
      sym__flags_end,
    ACTIONS(299), 1,
      sym_shell_fragment,
    STATE(50), 1,
      sym__flags,
    STATE(63), 1,
      aux_sym__flags_repeat1,
    STATE(124), 1,
      aux_sym_shell_command_repeat1,
    ACTIONS(291), 2,
      sym__newline,
      sym__eof,
    STATE(193), 3,
      sym_json_array,
      sym_shell_command,
      sym__shell_or_exec,
  [1458] = 11,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(275), 1,
      sym__exec_form_start,
    ACTIONS(293), 1,
      sym__shell_form_start,
    ACTIONS(295), 1,
      sym_flag,
    ACTIONS(299), 1,
      sym_shell_fragment,
    ACTIONS(303), 1,
      sym__flags_end,
    STATE(52), 1,
      sym__flags,
    STATE(63), 1,
      aux_sym__flags_repeat1,
    STATE(124), 1,
      aux_sym_shell_command_repeat1,
    ACTIONS(301), 2,
      sym__newline,
      sym__eof,
    STATE(192), 3,
      sym_json_array,
      sym_shell_command,
      sym__shell_or_exec,
  [1495] = 11,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(275), 1,
      sym__exec_form_start,
    ACTIONS(293), 1,
      sym__shell_form_start,
    ACTIONS(295), 1,
      sym_flag,
    ACTIONS(299), 1,
      sym_shell_fragment,
    ACTIONS(307), 1,
      sym__flags_end,
    STATE(51), 1,
      sym__flags,
    STATE(63), 1,
      aux_sym__flags_repeat1,
    STATE(124), 1,
      aux_sym_shell_command_repeat1,
    ACTIONS(305), 2,
      sym__newline,
      sym__eof,
    STATE(181), 3,
      sym_json_array,
      sym_shell_command,
      sym__shell_or_exec,
  [1532] = 11,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(275), 1,
      sym__exec_form_start,
    ACTIONS(311), 1,
      sym__shell_form_start,
    ACTIONS(313), 1,
      sym_flag,
    ACTIONS(315), 1,
      sym__flags_end,
    STATE(49), 1,
      sym__flags,
    STATE(59), 1,
      aux_sym__flags_repeat1,
    STATE(95), 1,
      aux_sym_shell_command_with_heredocs_repeat1,
    ACTIONS(309), 2,
      sym__newline,
      sym__eof,
    ACTIONS(317), 2,
      sym_shell_fragment,
      sym_heredoc_marker,
    STATE(177), 2,
      sym_json_array,
      sym_shell_command_with_heredocs,
  [1569] = 11,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(275), 1,
      sym__exec_form_start,
    ACTIONS(321), 1,
      sym__shell_form_start,
    ACTIONS(323), 1,
      sym_flag,
    ACTIONS(325), 1,
      sym__flags_end,
    ACTIONS(327), 1,
      sym__word,
    STATE(65), 1,
      sym__flags,
    STATE(67), 1,
      aux_sym__flags_repeat1,
    STATE(203), 1,
      sym_json_array,
    ACTIONS(319), 2,
      sym__newline,
      sym__eof,
    STATE(93), 2,
      sym_word,
      aux_sym__from_head_repeat1,
  [1605] = 8,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(275), 1,
      sym__exec_form_start,
    ACTIONS(277), 1,
      sym__shell_form_start,
    ACTIONS(283), 1,
      sym__word,
    ACTIONS(285), 1,
      sym_heredoc_marker,
    ACTIONS(329), 2,
      sym__newline,
      sym__eof,
    STATE(80), 2,
      sym_word,
      aux_sym__copy_args_repeat1,
    STATE(202), 2,
      sym_json_array,
      sym__copy_args,
  [1633] = 8,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(275), 1,
      sym__exec_form_start,
    ACTIONS(277), 1,
      sym__shell_form_start,
    ACTIONS(283), 1,
      sym__word,
    ACTIONS(285), 1,
      sym_heredoc_marker,
    ACTIONS(331), 2,
      sym__newline,
      sym__eof,
    STATE(80), 2,
      sym_word,
      aux_sym__copy_args_repeat1,
    STATE(204), 2,
      sym_json_array,
      sym__copy_args,
  [1661] = 7,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(275), 1,
      sym__exec_form_start,
    ACTIONS(311), 1,
      sym__shell_form_start,
    STATE(95), 1,
      aux_sym_shell_command_with_heredocs_repeat1,
    ACTIONS(317), 2,
      sym_shell_fragment,
      sym_heredoc_marker,
    ACTIONS(333), 2,
      sym__newline,
      sym__eof,
    STATE(191), 2,
      sym_json_array,
      sym_shell_command_with_heredocs,
  [1686] = 7,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(275), 1,
      sym__exec_form_start,
    ACTIONS(293), 1,
      sym__shell_form_start,
    ACTIONS(299), 1,
      sym_shell_fragment,
    STATE(124), 1,
      aux_sym_shell_command_repeat1,
    ACTIONS(335), 2,
      sym__newline,
      sym__eof,
    STATE(195), 3,
      sym_json_array,
      sym_shell_command,
      sym__shell_or_exec,
  [1711] = 7,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(275), 1,
      sym__exec_form_start,
    ACTIONS(293), 1,
      sym__shell_form_start,
    ACTIONS(299), 1,
      sym_shell_fragment,
    STATE(124), 1,
      aux_sym_shell_command_repeat1,
    ACTIONS(337), 2,
      sym__newline,
      sym__eof,
    STATE(198), 3,
      sym_json_array,
      sym_shell_command,
      sym__shell_or_exec,
  [1736] = 7,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(275), 1,
      sym__exec_form_start,
    ACTIONS(293), 1,
      sym__shell_form_start,
    ACTIONS(299), 1,
      sym_shell_fragment,
    STATE(124), 1,
      aux_sym_shell_command_repeat1,
    ACTIONS(339), 2,
      sym__newline,
      sym__eof,
    STATE(200), 3,
      sym_json_array,
      sym_shell_command,
      sym__shell_or_exec,
  [1761] = 7,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(275), 1,
      sym__exec_form_start,
    ACTIONS(293), 1,
      sym__shell_form_start,
    ACTIONS(299), 1,
      sym_shell_fragment,
    STATE(124), 1,
      aux_sym_shell_command_repeat1,
    ACTIONS(341), 2,
      sym__newline,
      sym__eof,
    STATE(165), 3,
      sym_json_array,
      sym_shell_command,
      sym__shell_or_exec,
  [1786] = 8,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(345), 1,
      sym_flag,
    ACTIONS(347), 1,
      sym__flags_end,
    ACTIONS(349), 1,
      sym__quoted_word,
    STATE(83), 1,
      aux_sym__flags_repeat1,
    STATE(94), 1,
      sym__flags,
    ACTIONS(343), 2,
      sym__newline,
      sym__eof,
    STATE(87), 2,
      sym__qword,
      aux_sym__label_head_repeat1,
  [1813] = 8,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(345), 1,
      sym_flag,
    ACTIONS(353), 1,
      sym__flags_end,
    ACTIONS(355), 1,
      sym__quoted_word,
    STATE(83), 1,
      aux_sym__flags_repeat1,
    STATE(102), 1,
      sym__flags,
    ACTIONS(351), 2,
      sym__newline,
      sym__eof,
    STATE(104), 2,
      sym__qword,
      aux_sym__label_head_repeat1,
  [1840] = 8,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(345), 1,
      sym_flag,
    ACTIONS(359), 1,
      sym__flags_end,
    ACTIONS(361), 1,
      sym__quoted_word,
    STATE(83), 1,
      aux_sym__flags_repeat1,
    STATE(105), 1,
      sym__flags,
    ACTIONS(357), 2,
      sym__newline,
      sym__eof,
    STATE(107), 2,
      sym__qword,
      aux_sym__label_head_repeat1,
  [1867] = 8,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(327), 1,
      sym__word,
    ACTIONS(365), 1,
      sym_flag,
    ACTIONS(367), 1,
      sym__flags_end,
    STATE(75), 1,
      aux_sym__flags_repeat1,
    STATE(108), 1,
      sym__flags,
    ACTIONS(363), 2,
      sym__newline,
      sym__eof,
    STATE(109), 2,
      sym_word,
      aux_sym__from_head_repeat1,
  [1894] = 7,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(275), 1,
      sym__exec_form_start,
    ACTIONS(293), 1,
      sym__shell_form_start,
    ACTIONS(299), 1,
      sym_shell_fragment,
    STATE(124), 1,
      aux_sym_shell_command_repeat1,
    ACTIONS(369), 2,
      sym__newline,
      sym__eof,
    STATE(179), 3,
      sym_json_array,
      sym_shell_command,
      sym__shell_or_exec,
  [1919] = 5,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(371), 1,
      sym_flag,
    ACTIONS(373), 1,
      sym__flags_end,
    STATE(60), 1,
      aux_sym__flags_repeat1,
    ACTIONS(192), 6,
      sym__newline,
      sym__eof,
      sym__exec_form_start,
      sym__shell_form_start,
      sym_shell_fragment,
      sym_heredoc_marker,
  [1940] = 4,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(375), 1,
      sym_flag,
    STATE(60), 1,
      aux_sym__flags_repeat1,
    ACTIONS(200), 7,
      sym__newline,
      sym__eof,
      sym__exec_form_start,
      sym__shell_form_start,
      sym__flags_end,
      sym_shell_fragment,
      sym_heredoc_marker,
  [1959] = 5,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(378), 1,
      sym_flag,
    ACTIONS(380), 1,
      sym__flags_end,
    STATE(62), 1,
      aux_sym__flags_repeat1,
    ACTIONS(192), 6,
      sym__newline,
      sym__eof,
      sym__exec_form_start,
      sym__shell_form_start,
      sym__word,
      sym_heredoc_marker,
  [1980] = 4,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(382), 1,
      sym_flag,
    STATE(62), 1,
      aux_sym__flags_repeat1,
    ACTIONS(200), 7,
      sym__newline,
      sym__eof,
      sym__exec_form_start,
      sym__shell_form_start,
      sym__flags_end,
      sym__word,
      sym_heredoc_marker,
  [1999] = 5,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(385), 1,
      sym_flag,
    ACTIONS(387), 1,
      sym__flags_end,
    STATE(68), 1,
      aux_sym__flags_repeat1,
    ACTIONS(192), 5,
      sym__newline,
      sym__eof,
      sym__exec_form_start,
      sym__shell_form_start,
      sym_shell_fragment,
  [2019] = 8,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(391), 1,
      sym_flag,
    ACTIONS(393), 1,
      sym__flags_end,
    ACTIONS(395), 1,
      sym_shell_fragment,
    STATE(85), 1,
      aux_sym__flags_repeat1,
    STATE(117), 1,
      sym__flags,
    STATE(201), 1,
      sym__text,
    ACTIONS(389), 2,
      sym__newline,
      sym__eof,
  [2045] = 7,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(275), 1,
      sym__exec_form_start,
    ACTIONS(327), 1,
      sym__word,
    ACTIONS(399), 1,
      sym__shell_form_start,
    STATE(207), 1,
      sym_json_array,
    ACTIONS(397), 2,
      sym__newline,
      sym__eof,
    STATE(111), 2,
      sym_word,
      aux_sym__from_head_repeat1,
  [2069] = 8,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(391), 1,
      sym_flag,
    ACTIONS(395), 1,
      sym_shell_fragment,
    ACTIONS(403), 1,
      sym__flags_end,
    STATE(85), 1,
      aux_sym__flags_repeat1,
    STATE(115), 1,
      sym__flags,
    STATE(206), 1,
      sym__text,
    ACTIONS(401), 2,
      sym__newline,
      sym__eof,
  [2095] = 5,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(405), 1,
      sym_flag,
    ACTIONS(407), 1,
      sym__flags_end,
    STATE(71), 1,
      aux_sym__flags_repeat1,
    ACTIONS(192), 5,
      sym__newline,
      sym__eof,
      sym__exec_form_start,
      sym__shell_form_start,
      sym__word,
  [2115] = 4,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(409), 1,
      sym_flag,
    STATE(68), 1,
      aux_sym__flags_repeat1,
    ACTIONS(200), 6,
      sym__newline,
      sym__eof,
      sym__exec_form_start,
      sym__shell_form_start,
      sym__flags_end,
      sym_shell_fragment,
  [2133] = 8,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(391), 1,
      sym_flag,
    ACTIONS(395), 1,
      sym_shell_fragment,
    ACTIONS(414), 1,
      sym__flags_end,
    STATE(85), 1,
      aux_sym__flags_repeat1,
    STATE(118), 1,
      sym__flags,
    STATE(188), 1,
      sym__text,
    ACTIONS(412), 2,
      sym__newline,
      sym__eof,
  [2159] = 8,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(391), 1,
      sym_flag,
    ACTIONS(395), 1,
      sym_shell_fragment,
    ACTIONS(418), 1,
      sym__flags_end,
    STATE(85), 1,
      aux_sym__flags_repeat1,
    STATE(120), 1,
      sym__flags,
    STATE(194), 1,
      sym__text,
    ACTIONS(416), 2,
      sym__newline,
      sym__eof,
  [2185] = 4,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(420), 1,
      sym_flag,
    STATE(71), 1,
      aux_sym__flags_repeat1,
    ACTIONS(200), 6,
      sym__newline,
      sym__eof,
      sym__exec_form_start,
      sym__shell_form_start,
      sym__flags_end,
      sym__word,
  [2203] = 7,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(365), 1,
      sym_flag,
    ACTIONS(425), 1,
      sym__flags_end,
    ACTIONS(427), 1,
      sym__word,
    STATE(75), 1,
      aux_sym__flags_repeat1,
    STATE(135), 1,
      sym__flags,
    ACTIONS(423), 2,
      sym__newline,
      sym__eof,
  [2226] = 7,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(365), 1,
      sym_flag,
    ACTIONS(431), 1,
      sym__flags_end,
    ACTIONS(433), 1,
      sym__word,
    STATE(75), 1,
      aux_sym__flags_repeat1,
    STATE(126), 1,
      sym__flags,
    ACTIONS(429), 2,
      sym__newline,
      sym__eof,
  [2249] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(271), 6,
      sym__newline,
      sym__eof,
      sym__exec_form_start,
      sym__shell_form_start,
      sym__word,
      sym_heredoc_marker,
  [2261] = 5,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(435), 1,
      sym_flag,
    ACTIONS(437), 1,
      sym__flags_end,
    STATE(77), 1,
      aux_sym__flags_repeat1,
    ACTIONS(192), 3,
      sym__newline,
      sym__eof,
      sym__word,
  [2279] = 5,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(327), 1,
      sym__word,
    ACTIONS(441), 1,
      sym__as,
    ACTIONS(439), 2,
      sym__newline,
      sym__eof,
    STATE(97), 2,
      sym_word,
      aux_sym__from_head_repeat1,
  [2297] = 4,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(443), 1,
      sym_flag,
    STATE(77), 1,
      aux_sym__flags_repeat1,
    ACTIONS(200), 4,
      sym__newline,
      sym__eof,
      sym__flags_end,
      sym__word,
  [2313] = 5,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(283), 1,
      sym__word,
    ACTIONS(448), 1,
      sym_heredoc_marker,
    ACTIONS(446), 2,
      sym__newline,
      sym__eof,
    STATE(79), 2,
      sym_word,
      aux_sym__copy_args_repeat1,
  [2331] = 5,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(452), 1,
      sym__word,
    ACTIONS(455), 1,
      sym_heredoc_marker,
    ACTIONS(450), 2,
      sym__newline,
      sym__eof,
    STATE(79), 2,
      sym_word,
      aux_sym__copy_args_repeat1,
  [2349] = 5,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(283), 1,
      sym__word,
    ACTIONS(448), 1,
      sym_heredoc_marker,
    ACTIONS(458), 2,
      sym__newline,
      sym__eof,
    STATE(79), 2,
      sym_word,
      aux_sym__copy_args_repeat1,
  [2367] = 5,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(327), 1,
      sym__word,
    ACTIONS(462), 1,
      sym__as,
    ACTIONS(460), 2,
      sym__newline,
      sym__eof,
    STATE(92), 2,
      sym_word,
      aux_sym__from_head_repeat1,
  [2385] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(271), 6,
      sym__newline,
      sym__eof,
      sym__exec_form_start,
      sym__shell_form_start,
      sym_shell_fragment,
      sym_heredoc_marker,
  [2397] = 5,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(464), 1,
      sym_flag,
    ACTIONS(466), 1,
      sym__flags_end,
    STATE(84), 1,
      aux_sym__flags_repeat1,
    ACTIONS(192), 3,
      sym__newline,
      sym__eof,
      sym__quoted_word,
  [2415] = 4,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(468), 1,
      sym_flag,
    STATE(84), 1,
      aux_sym__flags_repeat1,
    ACTIONS(200), 4,
      sym__newline,
      sym__eof,
      sym__flags_end,
      sym__quoted_word,
  [2431] = 5,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(471), 1,
      sym_flag,
    ACTIONS(473), 1,
      sym__flags_end,
    STATE(86), 1,
      aux_sym__flags_repeat1,
    ACTIONS(192), 3,
      sym__newline,
      sym__eof,
      sym_shell_fragment,
  [2449] = 4,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(475), 1,
      sym_flag,
    STATE(86), 1,
      aux_sym__flags_repeat1,
    ACTIONS(200), 4,
      sym__newline,
      sym__eof,
      sym__flags_end,
      sym_shell_fragment,
  [2465] = 4,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(480), 1,
      sym__quoted_word,
    ACTIONS(478), 2,
      sym__newline,
      sym__eof,
    STATE(114), 2,
      sym__qword,
      aux_sym__label_head_repeat1,
  [2480] = 4,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(480), 1,
      sym__quoted_word,
    ACTIONS(482), 2,
      sym__newline,
      sym__eof,
    STATE(114), 2,
      sym__qword,
      aux_sym__label_head_repeat1,
  [2495] = 4,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(480), 1,
      sym__quoted_word,
    ACTIONS(484), 2,
      sym__newline,
      sym__eof,
    STATE(114), 2,
      sym__qword,
      aux_sym__label_head_repeat1,
  [2510] = 4,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(327), 1,
      sym__word,
    ACTIONS(486), 2,
      sym__newline,
      sym__eof,
    STATE(112), 2,
      sym_word,
      aux_sym__from_head_repeat1,
  [2525] = 4,
    ACTIONS(3), 1,
      sym_line_continuation,
    STATE(91), 1,
      aux_sym_shell_command_with_heredocs_repeat1,
    ACTIONS(488), 2,
      sym__newline,
      sym__eof,
    ACTIONS(490), 2,
      sym_shell_fragment,
      sym_heredoc_marker,
  [2540] = 4,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(327), 1,
      sym__word,
    ACTIONS(493), 2,
      sym__newline,
      sym__eof,
    STATE(112), 2,
      sym_word,
      aux_sym__from_head_repeat1,
  [2555] = 4,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(327), 1,
      sym__word,
    ACTIONS(397), 2,
      sym__newline,
      sym__eof,
    STATE(112), 2,
      sym_word,
      aux_sym__from_head_repeat1,
  [2570] = 4,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(495), 1,
      sym__quoted_word,
    ACTIONS(478), 2,
      sym__newline,
      sym__eof,
    STATE(113), 2,
      sym__qword,
      aux_sym__label_head_repeat1,
  [2585] = 4,
    ACTIONS(3), 1,
      sym_line_continuation,
    STATE(91), 1,
      aux_sym_shell_command_with_heredocs_repeat1,
    ACTIONS(497), 2,
      sym__newline,
      sym__eof,
    ACTIONS(499), 2,
      sym_shell_fragment,
      sym_heredoc_marker,
  [2600] = 4,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(327), 1,
      sym__word,
    ACTIONS(501), 2,
      sym__newline,
      sym__eof,
    STATE(99), 2,
      sym_word,
      aux_sym__from_head_repeat1,
  [2615] = 4,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(327), 1,
      sym__word,
    ACTIONS(503), 2,
      sym__newline,
      sym__eof,
    STATE(112), 2,
      sym_word,
      aux_sym__from_head_repeat1,
  [2630] = 4,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(327), 1,
      sym__word,
    ACTIONS(505), 2,
      sym__newline,
      sym__eof,
    STATE(112), 2,
      sym_word,
      aux_sym__from_head_repeat1,
  [2645] = 4,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(327), 1,
      sym__word,
    ACTIONS(507), 2,
      sym__newline,
      sym__eof,
    STATE(112), 2,
      sym_word,
      aux_sym__from_head_repeat1,
  [2660] = 4,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(327), 1,
      sym__word,
    ACTIONS(509), 2,
      sym__newline,
      sym__eof,
    STATE(101), 2,
      sym_word,
      aux_sym__from_head_repeat1,
  [2675] = 4,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(327), 1,
      sym__word,
    ACTIONS(511), 2,
      sym__newline,
      sym__eof,
    STATE(112), 2,
      sym_word,
      aux_sym__from_head_repeat1,
  [2690] = 4,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(515), 1,
      sym__quoted_word,
    ACTIONS(513), 2,
      sym__newline,
      sym__eof,
    STATE(88), 2,
      sym__qword,
      aux_sym__label_head_repeat1,
  [2705] = 4,
    ACTIONS(3), 1,
      sym_line_continuation,
    STATE(91), 1,
      aux_sym_shell_command_with_heredocs_repeat1,
    ACTIONS(499), 2,
      sym_shell_fragment,
      sym_heredoc_marker,
    ACTIONS(517), 2,
      sym__newline,
      sym__eof,
  [2720] = 4,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(480), 1,
      sym__quoted_word,
    ACTIONS(513), 2,
      sym__newline,
      sym__eof,
    STATE(114), 2,
      sym__qword,
      aux_sym__label_head_repeat1,
  [2735] = 4,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(521), 1,
      sym__quoted_word,
    ACTIONS(519), 2,
      sym__newline,
      sym__eof,
    STATE(89), 2,
      sym__qword,
      aux_sym__label_head_repeat1,
  [2750] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(271), 5,
      sym__newline,
      sym__eof,
      sym__exec_form_start,
      sym__shell_form_start,
      sym_shell_fragment,
  [2761] = 4,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(480), 1,
      sym__quoted_word,
    ACTIONS(519), 2,
      sym__newline,
      sym__eof,
    STATE(114), 2,
      sym__qword,
      aux_sym__label_head_repeat1,
  [2776] = 4,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(327), 1,
      sym__word,
    ACTIONS(523), 2,
      sym__newline,
      sym__eof,
    STATE(90), 2,
      sym_word,
      aux_sym__from_head_repeat1,
  [2791] = 4,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(327), 1,
      sym__word,
    ACTIONS(523), 2,
      sym__newline,
      sym__eof,
    STATE(112), 2,
      sym_word,
      aux_sym__from_head_repeat1,
  [2806] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(271), 5,
      sym__newline,
      sym__eof,
      sym__exec_form_start,
      sym__shell_form_start,
      sym__word,
  [2817] = 4,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(327), 1,
      sym__word,
    ACTIONS(525), 2,
      sym__newline,
      sym__eof,
    STATE(112), 2,
      sym_word,
      aux_sym__from_head_repeat1,
  [2832] = 4,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(529), 1,
      sym__word,
    ACTIONS(527), 2,
      sym__newline,
      sym__eof,
    STATE(112), 2,
      sym_word,
      aux_sym__from_head_repeat1,
  [2847] = 4,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(480), 1,
      sym__quoted_word,
    ACTIONS(532), 2,
      sym__newline,
      sym__eof,
    STATE(114), 2,
      sym__qword,
      aux_sym__label_head_repeat1,
  [2862] = 4,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(536), 1,
      sym__quoted_word,
    ACTIONS(534), 2,
      sym__newline,
      sym__eof,
    STATE(114), 2,
      sym__qword,
      aux_sym__label_head_repeat1,
  [2877] = 4,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(395), 1,
      sym_shell_fragment,
    STATE(161), 1,
      sym__text,
    ACTIONS(539), 2,
      sym__newline,
      sym__eof,
  [2891] = 4,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(543), 1,
      sym_shell_fragment,
    STATE(119), 1,
      aux_sym_shell_command_repeat1,
    ACTIONS(541), 2,
      sym__newline,
      sym__eof,
  [2905] = 4,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(395), 1,
      sym_shell_fragment,
    STATE(164), 1,
      sym__text,
    ACTIONS(545), 2,
      sym__newline,
      sym__eof,
  [2919] = 4,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(395), 1,
      sym_shell_fragment,
    STATE(162), 1,
      sym__text,
    ACTIONS(547), 2,
      sym__newline,
      sym__eof,
  [2933] = 4,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(551), 1,
      sym_shell_fragment,
    STATE(119), 1,
      aux_sym_shell_command_repeat1,
    ACTIONS(549), 2,
      sym__newline,
      sym__eof,
  [2947] = 4,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(395), 1,
      sym_shell_fragment,
    STATE(163), 1,
      sym__text,
    ACTIONS(554), 2,
      sym__newline,
      sym__eof,
  [2961] = 4,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(283), 1,
      sym__word,
    ACTIONS(556), 1,
      sym_heredoc_marker,
    STATE(78), 2,
      sym_word,
      aux_sym__copy_args_repeat1,
  [2975] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(558), 4,
      sym__newline,
      sym__eof,
      sym__word,
      sym_heredoc_marker,
  [2985] = 4,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(395), 1,
      sym_shell_fragment,
    STATE(180), 1,
      sym__text,
    ACTIONS(560), 2,
      sym__newline,
      sym__eof,
  [2999] = 4,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(543), 1,
      sym_shell_fragment,
    STATE(119), 1,
      aux_sym_shell_command_repeat1,
    ACTIONS(562), 2,
      sym__newline,
      sym__eof,
  [3013] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(558), 3,
      sym__newline,
      sym__eof,
      sym__word,
  [3022] = 3,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(566), 1,
      sym__word,
    ACTIONS(564), 2,
      sym__newline,
      sym__eof,
  [3033] = 3,
    ACTIONS(3), 1,
      sym_line_continuation,
    STATE(29), 1,
      sym__line_end,
    ACTIONS(568), 2,
      sym__newline,
      sym__eof,
  [3044] = 3,
    ACTIONS(3), 1,
      sym_line_continuation,
    STATE(24), 1,
      sym__line_end,
    ACTIONS(570), 2,
      sym__newline,
      sym__eof,
  [3055] = 3,
    ACTIONS(3), 1,
      sym_line_continuation,
    STATE(30), 1,
      sym__line_end,
    ACTIONS(572), 2,
      sym__newline,
      sym__eof,
  [3066] = 3,
    ACTIONS(3), 1,
      sym_line_continuation,
    STATE(31), 1,
      sym__line_end,
    ACTIONS(574), 2,
      sym__newline,
      sym__eof,
  [3077] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(271), 3,
      sym__newline,
      sym__eof,
      sym__word,
  [3086] = 3,
    ACTIONS(3), 1,
      sym_line_continuation,
    STATE(32), 1,
      sym__line_end,
    ACTIONS(576), 2,
      sym__newline,
      sym__eof,
  [3097] = 3,
    ACTIONS(3), 1,
      sym_line_continuation,
    STATE(33), 1,
      sym__line_end,
    ACTIONS(578), 2,
      sym__newline,
      sym__eof,
  [3108] = 3,
    ACTIONS(3), 1,
      sym_line_continuation,
    STATE(34), 1,
      sym__line_end,
    ACTIONS(580), 2,
      sym__newline,
      sym__eof,
  [3119] = 3,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(584), 1,
      sym__word,
    ACTIONS(582), 2,
      sym__newline,
      sym__eof,
  [3130] = 3,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(327), 1,
      sym__word,
    STATE(98), 2,
      sym_word,
      aux_sym__from_head_repeat1,
  [3141] = 4,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(586), 1,
      anon_sym_COMMA,
    ACTIONS(588), 1,
      anon_sym_RBRACK,
    STATE(138), 1,
      aux_sym_json_array_repeat1,
  [3154] = 4,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(586), 1,
      anon_sym_COMMA,
    ACTIONS(590), 1,
      anon_sym_RBRACK,
    STATE(139), 1,
      aux_sym_json_array_repeat1,
  [3167] = 4,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(592), 1,
      anon_sym_COMMA,
    ACTIONS(595), 1,
      anon_sym_RBRACK,
    STATE(139), 1,
      aux_sym_json_array_repeat1,
  [3180] = 3,
    ACTIONS(3), 1,
      sym_line_continuation,
    STATE(26), 1,
      sym__line_end,
    ACTIONS(597), 2,
      sym__newline,
      sym__eof,
  [3191] = 3,
    ACTIONS(3), 1,
      sym_line_continuation,
    STATE(35), 1,
      sym__line_end,
    ACTIONS(599), 2,
      sym__newline,
      sym__eof,
  [3202] = 3,
    ACTIONS(3), 1,
      sym_line_continuation,
    STATE(36), 1,
      sym__line_end,
    ACTIONS(601), 2,
      sym__newline,
      sym__eof,
  [3213] = 3,
    ACTIONS(3), 1,
      sym_line_continuation,
    STATE(37), 1,
      sym__line_end,
    ACTIONS(603), 2,
      sym__newline,
      sym__eof,
  [3224] = 3,
    ACTIONS(3), 1,
      sym_line_continuation,
    STATE(38), 1,
      sym__line_end,
    ACTIONS(605), 2,
      sym__newline,
      sym__eof,
  [3235] = 3,
    ACTIONS(3), 1,
      sym_line_continuation,
    STATE(11), 1,
      sym__line_end,
    ACTIONS(607), 2,
      sym__newline,
      sym__eof,
  [3246] = 3,
    ACTIONS(3), 1,
      sym_line_continuation,
    STATE(27), 1,
      sym__line_end,
    ACTIONS(609), 2,
      sym__newline,
      sym__eof,
  [3257] = 3,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(327), 1,
      sym__word,
    STATE(111), 2,
      sym_word,
      aux_sym__from_head_repeat1,
  [3268] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(271), 3,
      sym__newline,
      sym__eof,
      sym__quoted_word,
  [3277] = 3,
    ACTIONS(3), 1,
      sym_line_continuation,
    STATE(9), 1,
      sym__line_end,
    ACTIONS(611), 2,
      sym__newline,
      sym__eof,
  [3288] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(271), 3,
      sym__newline,
      sym__eof,
      sym_shell_fragment,
  [3297] = 3,
    ACTIONS(3), 1,
      sym_line_continuation,
    STATE(10), 1,
      sym__line_end,
    ACTIONS(613), 2,
      sym__newline,
      sym__eof,
  [3308] = 3,
    ACTIONS(3), 1,
      sym_line_continuation,
    STATE(25), 1,
      sym__line_end,
    ACTIONS(615), 2,
      sym__newline,
      sym__eof,
  [3319] = 3,
    ACTIONS(3), 1,
      sym_line_continuation,
    STATE(28), 1,
      sym__line_end,
    ACTIONS(617), 2,
      sym__newline,
      sym__eof,
  [3330] = 3,
    ACTIONS(3), 1,
      sym_line_continuation,
    STATE(8), 1,
      sym__line_end,
    ACTIONS(619), 2,
      sym__newline,
      sym__eof,
  [3341] = 3,
    ACTIONS(3), 1,
      sym_line_continuation,
    STATE(103), 1,
      aux_sym_shell_command_with_heredocs_repeat1,
    ACTIONS(621), 2,
      sym_shell_fragment,
      sym_heredoc_marker,
  [3352] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(623), 2,
      sym__newline,
      sym__eof,
  [3360] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(625), 2,
      sym__newline,
      sym__eof,
  [3368] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(627), 2,
      sym__newline,
      sym__eof,
  [3376] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(629), 2,
      sym__newline,
      sym__eof,
  [3384] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(631), 2,
      sym__newline,
      sym__eof,
  [3392] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(633), 2,
      sym__newline,
      sym__eof,
  [3400] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(635), 2,
      sym__newline,
      sym__eof,
  [3408] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(637), 2,
      sym__newline,
      sym__eof,
  [3416] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(639), 2,
      sym__newline,
      sym__eof,
  [3424] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(641), 2,
      sym__newline,
      sym__eof,
  [3432] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(643), 2,
      sym__newline,
      sym__eof,
  [3440] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(645), 2,
      sym__newline,
      sym__eof,
  [3448] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(647), 2,
      sym__newline,
      sym__eof,
  [3456] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(649), 2,
      sym__newline,
      sym__eof,
  [3464] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(651), 2,
      sym__newline,
      sym__eof,
  [3472] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(653), 2,
      sym__newline,
      sym__eof,
  [3480] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(655), 2,
      sym__newline,
      sym__eof,
  [3488] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(657), 2,
      sym__newline,
      sym__eof,
  [3496] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(659), 2,
      sym__newline,
      sym__eof,
  [3504] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(661), 2,
      sym__newline,
      sym__eof,
  [3512] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(663), 2,
      sym__newline,
      sym__eof,
  [3520] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(333), 2,
      sym__newline,
      sym__eof,
  [3528] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(665), 2,
      sym__newline,
      sym__eof,
  [3536] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(667), 2,
      sym__newline,
      sym__eof,
  [3544] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(669), 2,
      sym__newline,
      sym__eof,
  [3552] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(337), 2,
      sym__newline,
      sym__eof,
  [3560] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(671), 2,
      sym__newline,
      sym__eof,
  [3568] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(673), 2,
      sym__newline,
      sym__eof,
  [3576] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(595), 2,
      anon_sym_COMMA,
      anon_sym_RBRACK,
  [3584] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(675), 2,
      sym__newline,
      sym__eof,
  [3592] = 3,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(677), 1,
      anon_sym_RBRACK,
    ACTIONS(679), 1,
      sym_json_string,
  [3602] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(681), 2,
      sym__newline,
      sym__eof,
  [3610] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(547), 2,
      sym__newline,
      sym__eof,
  [3618] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(683), 2,
      sym__newline,
      sym__eof,
  [3626] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(685), 2,
      sym__newline,
      sym__eof,
  [3634] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(687), 2,
      sym__newline,
      sym__eof,
  [3642] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(339), 2,
      sym__newline,
      sym__eof,
  [3650] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(335), 2,
      sym__newline,
      sym__eof,
  [3658] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(554), 2,
      sym__newline,
      sym__eof,
  [3666] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(689), 2,
      sym__newline,
      sym__eof,
  [3674] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(329), 2,
      sym__newline,
      sym__eof,
  [3682] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(691), 2,
      sym__newline,
      sym__eof,
  [3690] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(693), 2,
      sym__newline,
      sym__eof,
  [3698] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(331), 2,
      sym__newline,
      sym__eof,
  [3706] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(695), 2,
      sym__newline,
      sym__eof,
  [3714] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(545), 2,
      sym__newline,
      sym__eof,
  [3722] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(697), 2,
      sym__newline,
      sym__eof,
  [3730] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(397), 2,
      sym__newline,
      sym__eof,
  [3738] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(699), 2,
      sym__newline,
      sym__eof,
  [3746] = 3,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(701), 1,
      sym_shell_fragment,
    STATE(116), 1,
      aux_sym_shell_command_repeat1,
  [3756] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(539), 2,
      sym__newline,
      sym__eof,
  [3764] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(525), 2,
      sym__newline,
      sym__eof,
  [3772] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(703), 2,
      sym__newline,
      sym__eof,
  [3780] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(705), 1,
      sym__word,
  [3787] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(707), 1,
      sym__word,
  [3794] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(709), 1,
      sym__directive_end,
  [3801] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(711), 1,
      sym_json_string,
  [3808] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(713), 1,
      ts_builtin_sym_end,
  [3815] = 2,
    ACTIONS(3), 1,
      sym_line_continuation,
    ACTIONS(715), 1,
      anon_sym_LBRACK,
};

static const uint32_t ts_small_parse_table_map[] = {
  [SMALL_STATE(6)] = 0,
  [SMALL_STATE(7)] = 137,
  [SMALL_STATE(8)] = 262,
  [SMALL_STATE(9)] = 302,
  [SMALL_STATE(10)] = 342,
  [SMALL_STATE(11)] = 382,
  [SMALL_STATE(12)] = 422,
  [SMALL_STATE(13)] = 462,
  [SMALL_STATE(14)] = 502,
  [SMALL_STATE(15)] = 542,
  [SMALL_STATE(16)] = 582,
  [SMALL_STATE(17)] = 622,
  [SMALL_STATE(18)] = 659,
  [SMALL_STATE(19)] = 691,
  [SMALL_STATE(20)] = 725,
  [SMALL_STATE(21)] = 757,
  [SMALL_STATE(22)] = 795,
  [SMALL_STATE(23)] = 831,
  [SMALL_STATE(24)] = 862,
  [SMALL_STATE(25)] = 892,
  [SMALL_STATE(26)] = 922,
  [SMALL_STATE(27)] = 952,
  [SMALL_STATE(28)] = 982,
  [SMALL_STATE(29)] = 1012,
  [SMALL_STATE(30)] = 1042,
  [SMALL_STATE(31)] = 1072,
  [SMALL_STATE(32)] = 1102,
  [SMALL_STATE(33)] = 1132,
  [SMALL_STATE(34)] = 1162,
  [SMALL_STATE(35)] = 1192,
  [SMALL_STATE(36)] = 1222,
  [SMALL_STATE(37)] = 1252,
  [SMALL_STATE(38)] = 1282,
  [SMALL_STATE(39)] = 1312,
  [SMALL_STATE(40)] = 1341,
  [SMALL_STATE(41)] = 1381,
  [SMALL_STATE(42)] = 1421,
  [SMALL_STATE(43)] = 1458,
  [SMALL_STATE(44)] = 1495,
  [SMALL_STATE(45)] = 1532,
  [SMALL_STATE(46)] = 1569,
  [SMALL_STATE(47)] = 1605,
  [SMALL_STATE(48)] = 1633,
  [SMALL_STATE(49)] = 1661,
  [SMALL_STATE(50)] = 1686,
  [SMALL_STATE(51)] = 1711,
  [SMALL_STATE(52)] = 1736,
  [SMALL_STATE(53)] = 1761,
  [SMALL_STATE(54)] = 1786,
  [SMALL_STATE(55)] = 1813,
  [SMALL_STATE(56)] = 1840,
  [SMALL_STATE(57)] = 1867,
  [SMALL_STATE(58)] = 1894,
  [SMALL_STATE(59)] = 1919,
  [SMALL_STATE(60)] = 1940,
  [SMALL_STATE(61)] = 1959,
  [SMALL_STATE(62)] = 1980,
  [SMALL_STATE(63)] = 1999,
  [SMALL_STATE(64)] = 2019,
  [SMALL_STATE(65)] = 2045,
  [SMALL_STATE(66)] = 2069,
  [SMALL_STATE(67)] = 2095,
  [SMALL_STATE(68)] = 2115,
  [SMALL_STATE(69)] = 2133,
  [SMALL_STATE(70)] = 2159,
  [SMALL_STATE(71)] = 2185,
  [SMALL_STATE(72)] = 2203,
  [SMALL_STATE(73)] = 2226,
  [SMALL_STATE(74)] = 2249,
  [SMALL_STATE(75)] = 2261,
  [SMALL_STATE(76)] = 2279,
  [SMALL_STATE(77)] = 2297,
  [SMALL_STATE(78)] = 2313,
  [SMALL_STATE(79)] = 2331,
  [SMALL_STATE(80)] = 2349,
  [SMALL_STATE(81)] = 2367,
  [SMALL_STATE(82)] = 2385,
  [SMALL_STATE(83)] = 2397,
  [SMALL_STATE(84)] = 2415,
  [SMALL_STATE(85)] = 2431,
  [SMALL_STATE(86)] = 2449,
  [SMALL_STATE(87)] = 2465,
  [SMALL_STATE(88)] = 2480,
  [SMALL_STATE(89)] = 2495,
  [SMALL_STATE(90)] = 2510,
  [SMALL_STATE(91)] = 2525,
  [SMALL_STATE(92)] = 2540,
  [SMALL_STATE(93)] = 2555,
  [SMALL_STATE(94)] = 2570,
  [SMALL_STATE(95)] = 2585,
  [SMALL_STATE(96)] = 2600,
  [SMALL_STATE(97)] = 2615,
  [SMALL_STATE(98)] = 2630,
  [SMALL_STATE(99)] = 2645,
  [SMALL_STATE(100)] = 2660,
  [SMALL_STATE(101)] = 2675,
  [SMALL_STATE(102)] = 2690,
  [SMALL_STATE(103)] = 2705,
  [SMALL_STATE(104)] = 2720,
  [SMALL_STATE(105)] = 2735,
  [SMALL_STATE(106)] = 2750,
  [SMALL_STATE(107)] = 2761,
  [SMALL_STATE(108)] = 2776,
  [SMALL_STATE(109)] = 2791,
  [SMALL_STATE(110)] = 2806,
  [SMALL_STATE(111)] = 2817,
  [SMALL_STATE(112)] = 2832,
  [SMALL_STATE(113)] = 2847,
  [SMALL_STATE(114)] = 2862,
  [SMALL_STATE(115)] = 2877,
  [SMALL_STATE(116)] = 2891,
  [SMALL_STATE(117)] = 2905,
  [SMALL_STATE(118)] = 2919,
  [SMALL_STATE(119)] = 2933,
  [SMALL_STATE(120)] = 2947,
  [SMALL_STATE(121)] = 2961,
  [SMALL_STATE(122)] = 2975,
  [SMALL_STATE(123)] = 2985,
  [SMALL_STATE(124)] = 2999,
  [SMALL_STATE(125)] = 3013,
  [SMALL_STATE(126)] = 3022,
  [SMALL_STATE(127)] = 3033,
  [SMALL_STATE(128)] = 3044,
  [SMALL_STATE(129)] = 3055,
  [SMALL_STATE(130)] = 3066,
  [SMALL_STATE(131)] = 3077,
  [SMALL_STATE(132)] = 3086,
  [SMALL_STATE(133)] = 3097,
  [SMALL_STATE(134)] = 3108,
  [SMALL_STATE(135)] = 3119,
  [SMALL_STATE(136)] = 3130,
  [SMALL_STATE(137)] = 3141,
  [SMALL_STATE(138)] = 3154,
  [SMALL_STATE(139)] = 3167,
  [SMALL_STATE(140)] = 3180,
  [SMALL_STATE(141)] = 3191,
  [SMALL_STATE(142)] = 3202,
  [SMALL_STATE(143)] = 3213,
  [SMALL_STATE(144)] = 3224,
  [SMALL_STATE(145)] = 3235,
  [SMALL_STATE(146)] = 3246,
  [SMALL_STATE(147)] = 3257,
  [SMALL_STATE(148)] = 3268,
  [SMALL_STATE(149)] = 3277,
  [SMALL_STATE(150)] = 3288,
  [SMALL_STATE(151)] = 3297,
  [SMALL_STATE(152)] = 3308,
  [SMALL_STATE(153)] = 3319,
  [SMALL_STATE(154)] = 3330,
  [SMALL_STATE(155)] = 3341,
  [SMALL_STATE(156)] = 3352,
  [SMALL_STATE(157)] = 3360,
  [SMALL_STATE(158)] = 3368,
  [SMALL_STATE(159)] = 3376,
  [SMALL_STATE(160)] = 3384,
  [SMALL_STATE(161)] = 3392,
  [SMALL_STATE(162)] = 3400,
  [SMALL_STATE(163)] = 3408,
  [SMALL_STATE(164)] = 3416,
  [SMALL_STATE(165)] = 3424,
  [SMALL_STATE(166)] = 3432,
  [SMALL_STATE(167)] = 3440,
  [SMALL_STATE(168)] = 3448,
  [SMALL_STATE(169)] = 3456,
  [SMALL_STATE(170)] = 3464,
  [SMALL_STATE(171)] = 3472,
  [SMALL_STATE(172)] = 3480,
  [SMALL_STATE(173)] = 3488,
  [SMALL_STATE(174)] = 3496,
  [SMALL_STATE(175)] = 3504,
  [SMALL_STATE(176)] = 3512,
  [SMALL_STATE(177)] = 3520,
  [SMALL_STATE(178)] = 3528,
  [SMALL_STATE(179)] = 3536,
  [SMALL_STATE(180)] = 3544,
  [SMALL_STATE(181)] = 3552,
  [SMALL_STATE(182)] = 3560,
  [SMALL_STATE(183)] = 3568,
  [SMALL_STATE(184)] = 3576,
  [SMALL_STATE(185)] = 3584,
  [SMALL_STATE(186)] = 3592,
  [SMALL_STATE(187)] = 3602,
  [SMALL_STATE(188)] = 3610,
  [SMALL_STATE(189)] = 3618,
  [SMALL_STATE(190)] = 3626,
  [SMALL_STATE(191)] = 3634,
  [SMALL_STATE(192)] = 3642,
  [SMALL_STATE(193)] = 3650,
  [SMALL_STATE(194)] = 3658,
  [SMALL_STATE(195)] = 3666,
  [SMALL_STATE(196)] = 3674,
  [SMALL_STATE(197)] = 3682,
  [SMALL_STATE(198)] = 3690,
  [SMALL_STATE(199)] = 3698,
  [SMALL_STATE(200)] = 3706,
  [SMALL_STATE(201)] = 3714,
  [SMALL_STATE(202)] = 3722,
  [SMALL_STATE(203)] = 3730,
  [SMALL_STATE(204)] = 3738,
  [SMALL_STATE(205)] = 3746,
  [SMALL_STATE(206)] = 3756,
  [SMALL_STATE(207)] = 3764,
  [SMALL_STATE(208)] = 3772,
  [SMALL_STATE(209)] = 3780,
  [SMALL_STATE(210)] = 3787,
  [SMALL_STATE(211)] = 3794,
  [SMALL_STATE(212)] = 3801,
  [SMALL_STATE(213)] = 3808,
  [SMALL_STATE(214)] = 3815,
};

static const TSParseActionEntry ts_parse_actions[] = {
  [0] = {.entry = {.count = 0, .reusable = false}},
  [1] = {.entry = {.count = 1, .reusable = false}}, RECOVER(),
  [3] = {.entry = {.count = 1, .reusable = true}}, SHIFT_EXTRA(),
  [5] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_source_file, 0, 0, 0),
  [7] = {.entry = {.count = 1, .reusable = false}}, SHIFT(73),
  [9] = {.entry = {.count = 1, .reusable = false}}, SHIFT(45),
  [11] = {.entry = {.count = 1, .reusable = false}}, SHIFT(42),
  [13] = {.entry = {.count = 1, .reusable = false}}, SHIFT(44),
  [15] = {.entry = {.count = 1, .reusable = false}}, SHIFT(43),
  [17] = {.entry = {.count = 1, .reusable = false}}, SHIFT(41),
  [19] = {.entry = {.count = 1, .reusable = false}}, SHIFT(40),
  [21] = {.entry = {.count = 1, .reusable = false}}, SHIFT(46),
  [23] = {.entry = {.count = 1, .reusable = false}}, SHIFT(54),
  [25] = {.entry = {.count = 1, .reusable = false}}, SHIFT(55),
  [27] = {.entry = {.count = 1, .reusable = false}}, SHIFT(56),
  [29] = {.entry = {.count = 1, .reusable = false}}, SHIFT(57),
  [31] = {.entry = {.count = 1, .reusable = false}}, SHIFT(66),
  [33] = {.entry = {.count = 1, .reusable = false}}, SHIFT(69),
  [35] = {.entry = {.count = 1, .reusable = false}}, SHIFT(70),
  [37] = {.entry = {.count = 1, .reusable = false}}, SHIFT(64),
  [39] = {.entry = {.count = 1, .reusable = false}}, SHIFT(72),
  [41] = {.entry = {.count = 1, .reusable = false}}, SHIFT(123),
  [43] = {.entry = {.count = 1, .reusable = false}}, SHIFT(6),
  [45] = {.entry = {.count = 1, .reusable = true}}, SHIFT(211),
  [47] = {.entry = {.count = 1, .reusable = true}}, SHIFT(3),
  [49] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_source_file, 1, 0, 0),
  [51] = {.entry = {.count = 1, .reusable = true}}, SHIFT(4),
  [53] = {.entry = {.count = 1, .reusable = true}}, SHIFT(5),
  [55] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_source_file, 2, 0, 0),
  [57] = {.entry = {.count = 1, .reusable = true}}, REDUCE(aux_sym_source_file_repeat2, 2, 0, 0),
  [59] = {.entry = {.count = 2, .reusable = false}}, REDUCE(aux_sym_source_file_repeat2, 2, 0, 0), SHIFT_REPEAT(73),
  [62] = {.entry = {.count = 2, .reusable = false}}, REDUCE(aux_sym_source_file_repeat2, 2, 0, 0), SHIFT_REPEAT(45),
  [65] = {.entry = {.count = 2, .reusable = false}}, REDUCE(aux_sym_source_file_repeat2, 2, 0, 0), SHIFT_REPEAT(42),
  [68] = {.entry = {.count = 2, .reusable = false}}, REDUCE(aux_sym_source_file_repeat2, 2, 0, 0), SHIFT_REPEAT(44),
  [71] = {.entry = {.count = 2, .reusable = false}}, REDUCE(aux_sym_source_file_repeat2, 2, 0, 0), SHIFT_REPEAT(43),
  [74] = {.entry = {.count = 2, .reusable = false}}, REDUCE(aux_sym_source_file_repeat2, 2, 0, 0), SHIFT_REPEAT(41),
  [77] = {.entry = {.count = 2, .reusable = false}}, REDUCE(aux_sym_source_file_repeat2, 2, 0, 0), SHIFT_REPEAT(40),
  [80] = {.entry = {.count = 2, .reusable = false}}, REDUCE(aux_sym_source_file_repeat2, 2, 0, 0), SHIFT_REPEAT(46),
  [83] = {.entry = {.count = 2, .reusable = false}}, REDUCE(aux_sym_source_file_repeat2, 2, 0, 0), SHIFT_REPEAT(54),
  [86] = {.entry = {.count = 2, .reusable = false}}, REDUCE(aux_sym_source_file_repeat2, 2, 0, 0), SHIFT_REPEAT(55),
  [89] = {.entry = {.count = 2, .reusable = false}}, REDUCE(aux_sym_source_file_repeat2, 2, 0, 0), SHIFT_REPEAT(56),
  [92] = {.entry = {.count = 2, .reusable = false}}, REDUCE(aux_sym_source_file_repeat2, 2, 0, 0), SHIFT_REPEAT(57),
  [95] = {.entry = {.count = 2, .reusable = false}}, REDUCE(aux_sym_source_file_repeat2, 2, 0, 0), SHIFT_REPEAT(66),
  [98] = {.entry = {.count = 2, .reusable = false}}, REDUCE(aux_sym_source_file_repeat2, 2, 0, 0), SHIFT_REPEAT(69),
  [101] = {.entry = {.count = 2, .reusable = false}}, REDUCE(aux_sym_source_file_repeat2, 2, 0, 0), SHIFT_REPEAT(70),
  [104] = {.entry = {.count = 2, .reusable = false}}, REDUCE(aux_sym_source_file_repeat2, 2, 0, 0), SHIFT_REPEAT(64),
  [107] = {.entry = {.count = 2, .reusable = false}}, REDUCE(aux_sym_source_file_repeat2, 2, 0, 0), SHIFT_REPEAT(72),
  [110] = {.entry = {.count = 2, .reusable = false}}, REDUCE(aux_sym_source_file_repeat2, 2, 0, 0), SHIFT_REPEAT(123),
  [113] = {.entry = {.count = 2, .reusable = false}}, REDUCE(aux_sym_source_file_repeat2, 2, 0, 0), SHIFT_REPEAT(6),
  [116] = {.entry = {.count = 2, .reusable = true}}, REDUCE(aux_sym_source_file_repeat2, 2, 0, 0), SHIFT_REPEAT(5),
  [119] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__onbuild_head, 1, 0, 0),
  [121] = {.entry = {.count = 1, .reusable = true}}, SHIFT(21),
  [123] = {.entry = {.count = 1, .reusable = true}}, SHIFT(7),
  [125] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__onbuild_head, 2, 0, 0),
  [127] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_run_instruction, 2, 0, 0),
  [129] = {.entry = {.count = 1, .reusable = false}}, REDUCE(sym_run_instruction, 2, 0, 0),
  [131] = {.entry = {.count = 1, .reusable = true}}, SHIFT(19),
  [133] = {.entry = {.count = 1, .reusable = true}}, SHIFT(18),
  [135] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_copy_instruction, 2, 0, 0),
  [137] = {.entry = {.count = 1, .reusable = false}}, REDUCE(sym_copy_instruction, 2, 0, 0),
  [139] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_add_instruction, 2, 0, 0),
  [141] = {.entry = {.count = 1, .reusable = false}}, REDUCE(sym_add_instruction, 2, 0, 0),
  [143] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_onbuild_instruction, 2, 0, 26),
  [145] = {.entry = {.count = 1, .reusable = false}}, REDUCE(sym_onbuild_instruction, 2, 0, 26),
  [147] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_copy_instruction, 3, 0, 0),
  [149] = {.entry = {.count = 1, .reusable = false}}, REDUCE(sym_copy_instruction, 3, 0, 0),
  [151] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_add_instruction, 3, 0, 0),
  [153] = {.entry = {.count = 1, .reusable = false}}, REDUCE(sym_add_instruction, 3, 0, 0),
  [155] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_run_instruction, 3, 0, 0),
  [157] = {.entry = {.count = 1, .reusable = false}}, REDUCE(sym_run_instruction, 3, 0, 0),
  [159] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_onbuild_instruction, 3, 0, 26),
  [161] = {.entry = {.count = 1, .reusable = false}}, REDUCE(sym_onbuild_instruction, 3, 0, 26),
  [163] = {.entry = {.count = 1, .reusable = true}}, REDUCE(aux_sym__heredocs, 2, 0, 0),
  [165] = {.entry = {.count = 1, .reusable = false}}, REDUCE(aux_sym__heredocs, 2, 0, 0),
  [167] = {.entry = {.count = 2, .reusable = true}}, REDUCE(aux_sym__heredocs, 2, 0, 0), SHIFT_REPEAT(19),
  [170] = {.entry = {.count = 2, .reusable = true}}, REDUCE(aux_sym__heredocs, 2, 0, 0), SHIFT_REPEAT(18),
  [173] = {.entry = {.count = 1, .reusable = true}}, REDUCE(aux_sym_source_file_repeat1, 2, 0, 0),
  [175] = {.entry = {.count = 1, .reusable = false}}, REDUCE(aux_sym_source_file_repeat1, 2, 0, 0),
  [177] = {.entry = {.count = 2, .reusable = true}}, REDUCE(aux_sym_source_file_repeat1, 2, 0, 0), SHIFT_REPEAT(211),
  [180] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_heredoc_body, 1, 0, 0),
  [182] = {.entry = {.count = 1, .reusable = false}}, REDUCE(sym_heredoc_body, 1, 0, 0),
  [184] = {.entry = {.count = 1, .reusable = true}}, SHIFT(20),
  [186] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_heredoc_body, 2, 0, 0),
  [188] = {.entry = {.count = 1, .reusable = false}}, REDUCE(sym_heredoc_body, 2, 0, 0),
  [190] = {.entry = {.count = 1, .reusable = false}}, REDUCE(sym__flags, 1, 0, 0),
  [192] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__flags, 1, 0, 0),
  [194] = {.entry = {.count = 1, .reusable = true}}, SHIFT(22),
  [196] = {.entry = {.count = 1, .reusable = true}}, SHIFT(39),
  [198] = {.entry = {.count = 1, .reusable = false}}, REDUCE(aux_sym__flags_repeat1, 2, 0, 0),
  [200] = {.entry = {.count = 1, .reusable = true}}, REDUCE(aux_sym__flags_repeat1, 2, 0, 0),
  [202] = {.entry = {.count = 2, .reusable = true}}, REDUCE(aux_sym__flags_repeat1, 2, 0, 0), SHIFT_REPEAT(22),
  [205] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_parser_directive, 2, 0, 0),
  [207] = {.entry = {.count = 1, .reusable = false}}, REDUCE(sym_parser_directive, 2, 0, 0),
  [209] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_entrypoint_instruction, 2, 0, 0),
  [211] = {.entry = {.count = 1, .reusable = false}}, REDUCE(sym_entrypoint_instruction, 2, 0, 0),
  [213] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_from_instruction, 2, 0, 24),
  [215] = {.entry = {.count = 1, .reusable = false}}, REDUCE(sym_from_instruction, 2, 0, 24),
  [217] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_cmd_instruction, 2, 0, 0),
  [219] = {.entry = {.count = 1, .reusable = false}}, REDUCE(sym_cmd_instruction, 2, 0, 0),
  [221] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_shell_instruction, 2, 0, 0),
  [223] = {.entry = {.count = 1, .reusable = false}}, REDUCE(sym_shell_instruction, 2, 0, 0),
  [225] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_volume_instruction, 2, 0, 0),
  [227] = {.entry = {.count = 1, .reusable = false}}, REDUCE(sym_volume_instruction, 2, 0, 0),
  [229] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_label_instruction, 2, 0, 0),
  [231] = {.entry = {.count = 1, .reusable = false}}, REDUCE(sym_label_instruction, 2, 0, 0),
  [233] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_env_instruction, 2, 0, 0),
  [235] = {.entry = {.count = 1, .reusable = false}}, REDUCE(sym_env_instruction, 2, 0, 0),
  [237] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_arg_instruction, 2, 0, 0),
  [239] = {.entry = {.count = 1, .reusable = false}}, REDUCE(sym_arg_instruction, 2, 0, 0),
  [241] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_expose_instruction, 2, 0, 0),
  [243] = {.entry = {.count = 1, .reusable = false}}, REDUCE(sym_expose_instruction, 2, 0, 0),
  [245] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_maintainer_instruction, 2, 0, 0),
  [247] = {.entry = {.count = 1, .reusable = false}}, REDUCE(sym_maintainer_instruction, 2, 0, 0),
  [249] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_user_instruction, 2, 0, 0),
  [251] = {.entry = {.count = 1, .reusable = false}}, REDUCE(sym_user_instruction, 2, 0, 0),
  [253] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_workdir_instruction, 2, 0, 0),
  [255] = {.entry = {.count = 1, .reusable = false}}, REDUCE(sym_workdir_instruction, 2, 0, 0),
  [257] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_stopsignal_instruction, 2, 0, 0),
  [259] = {.entry = {.count = 1, .reusable = false}}, REDUCE(sym_stopsignal_instruction, 2, 0, 0),
  [261] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_healthcheck_instruction, 2, 0, 25),
  [263] = {.entry = {.count = 1, .reusable = false}}, REDUCE(sym_healthcheck_instruction, 2, 0, 25),
  [265] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_unknown_instruction, 2, 0, 0),
  [267] = {.entry = {.count = 1, .reusable = false}}, REDUCE(sym_unknown_instruction, 2, 0, 0),
  [269] = {.entry = {.count = 1, .reusable = false}}, REDUCE(sym__flags, 2, 0, 0),
  [271] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__flags, 2, 0, 0),
  [273] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__add_head, 1, 0, 0),
  [275] = {.entry = {.count = 1, .reusable = true}}, SHIFT(214),
  [277] = {.entry = {.count = 1, .reusable = true}}, SHIFT(121),
  [279] = {.entry = {.count = 1, .reusable = true}}, SHIFT(61),
  [281] = {.entry = {.count = 1, .reusable = true}}, SHIFT(48),
  [283] = {.entry = {.count = 1, .reusable = true}}, SHIFT(122),
  [285] = {.entry = {.count = 1, .reusable = true}}, SHIFT(80),
  [287] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__copy_head, 1, 0, 0),
  [289] = {.entry = {.count = 1, .reusable = true}}, SHIFT(47),
  [291] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__cmd_head, 1, 0, 0),
  [293] = {.entry = {.count = 1, .reusable = true}}, SHIFT(205),
  [295] = {.entry = {.count = 1, .reusable = true}}, SHIFT(63),
  [297] = {.entry = {.count = 1, .reusable = true}}, SHIFT(50),
  [299] = {.entry = {.count = 1, .reusable = true}}, SHIFT(124),
  [301] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__shell_head, 1, 0, 0),
  [303] = {.entry = {.count = 1, .reusable = true}}, SHIFT(52),
  [305] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__entrypoint_head, 1, 0, 0),
  [307] = {.entry = {.count = 1, .reusable = true}}, SHIFT(51),
  [309] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__run_head, 1, 0, 0),
  [311] = {.entry = {.count = 1, .reusable = true}}, SHIFT(155),
  [313] = {.entry = {.count = 1, .reusable = true}}, SHIFT(59),
  [315] = {.entry = {.count = 1, .reusable = true}}, SHIFT(49),
  [317] = {.entry = {.count = 1, .reusable = true}}, SHIFT(95),
  [319] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__volume_head, 1, 0, 0),
  [321] = {.entry = {.count = 1, .reusable = true}}, SHIFT(147),
  [323] = {.entry = {.count = 1, .reusable = true}}, SHIFT(67),
  [325] = {.entry = {.count = 1, .reusable = true}}, SHIFT(65),
  [327] = {.entry = {.count = 1, .reusable = true}}, SHIFT(125),
  [329] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__copy_head, 2, 0, 0),
  [331] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__add_head, 2, 0, 0),
  [333] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__run_head, 2, 0, 0),
  [335] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__cmd_head, 2, 0, 0),
  [337] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__entrypoint_head, 2, 0, 0),
  [339] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__shell_head, 2, 0, 0),
  [341] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__healthcheck_head, 2, 0, 3),
  [343] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__label_head, 1, 0, 0),
  [345] = {.entry = {.count = 1, .reusable = true}}, SHIFT(83),
  [347] = {.entry = {.count = 1, .reusable = true}}, SHIFT(94),
  [349] = {.entry = {.count = 1, .reusable = true}}, SHIFT(87),
  [351] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__env_head, 1, 0, 0),
  [353] = {.entry = {.count = 1, .reusable = true}}, SHIFT(102),
  [355] = {.entry = {.count = 1, .reusable = true}}, SHIFT(104),
  [357] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__arg_head, 1, 0, 0),
  [359] = {.entry = {.count = 1, .reusable = true}}, SHIFT(105),
  [361] = {.entry = {.count = 1, .reusable = true}}, SHIFT(107),
  [363] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__expose_head, 1, 0, 0),
  [365] = {.entry = {.count = 1, .reusable = true}}, SHIFT(75),
  [367] = {.entry = {.count = 1, .reusable = true}}, SHIFT(108),
  [369] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__healthcheck_head, 3, 0, 28),
  [371] = {.entry = {.count = 1, .reusable = true}}, SHIFT(60),
  [373] = {.entry = {.count = 1, .reusable = true}}, SHIFT(82),
  [375] = {.entry = {.count = 2, .reusable = true}}, REDUCE(aux_sym__flags_repeat1, 2, 0, 0), SHIFT_REPEAT(60),
  [378] = {.entry = {.count = 1, .reusable = true}}, SHIFT(62),
  [380] = {.entry = {.count = 1, .reusable = true}}, SHIFT(74),
  [382] = {.entry = {.count = 2, .reusable = true}}, REDUCE(aux_sym__flags_repeat1, 2, 0, 0), SHIFT_REPEAT(62),
  [385] = {.entry = {.count = 1, .reusable = true}}, SHIFT(68),
  [387] = {.entry = {.count = 1, .reusable = true}}, SHIFT(106),
  [389] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__stopsignal_head, 1, 0, 0),
  [391] = {.entry = {.count = 1, .reusable = true}}, SHIFT(85),
  [393] = {.entry = {.count = 1, .reusable = true}}, SHIFT(117),
  [395] = {.entry = {.count = 1, .reusable = true}}, SHIFT(197),
  [397] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__volume_head, 2, 0, 0),
  [399] = {.entry = {.count = 1, .reusable = true}}, SHIFT(136),
  [401] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__maintainer_head, 1, 0, 0),
  [403] = {.entry = {.count = 1, .reusable = true}}, SHIFT(115),
  [405] = {.entry = {.count = 1, .reusable = true}}, SHIFT(71),
  [407] = {.entry = {.count = 1, .reusable = true}}, SHIFT(110),
  [409] = {.entry = {.count = 2, .reusable = true}}, REDUCE(aux_sym__flags_repeat1, 2, 0, 0), SHIFT_REPEAT(68),
  [412] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__user_head, 1, 0, 0),
  [414] = {.entry = {.count = 1, .reusable = true}}, SHIFT(118),
  [416] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__workdir_head, 1, 0, 0),
  [418] = {.entry = {.count = 1, .reusable = true}}, SHIFT(120),
  [420] = {.entry = {.count = 2, .reusable = true}}, REDUCE(aux_sym__flags_repeat1, 2, 0, 0), SHIFT_REPEAT(71),
  [423] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__healthcheck_head, 1, 0, 0),
  [425] = {.entry = {.count = 1, .reusable = true}}, SHIFT(135),
  [427] = {.entry = {.count = 1, .reusable = true}}, SHIFT(53),
  [429] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__from_head, 1, 0, 0),
  [431] = {.entry = {.count = 1, .reusable = true}}, SHIFT(126),
  [433] = {.entry = {.count = 1, .reusable = true}}, SHIFT(81),
  [435] = {.entry = {.count = 1, .reusable = true}}, SHIFT(77),
  [437] = {.entry = {.count = 1, .reusable = true}}, SHIFT(131),
  [439] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__from_head, 3, 0, 27),
  [441] = {.entry = {.count = 1, .reusable = true}}, SHIFT(209),
  [443] = {.entry = {.count = 2, .reusable = true}}, REDUCE(aux_sym__flags_repeat1, 2, 0, 0), SHIFT_REPEAT(77),
  [446] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__copy_args, 2, 0, 0),
  [448] = {.entry = {.count = 1, .reusable = true}}, SHIFT(79),
  [450] = {.entry = {.count = 1, .reusable = true}}, REDUCE(aux_sym__copy_args_repeat1, 2, 0, 0),
  [452] = {.entry = {.count = 2, .reusable = true}}, REDUCE(aux_sym__copy_args_repeat1, 2, 0, 0), SHIFT_REPEAT(122),
  [455] = {.entry = {.count = 2, .reusable = true}}, REDUCE(aux_sym__copy_args_repeat1, 2, 0, 0), SHIFT_REPEAT(79),
  [458] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__copy_args, 1, 0, 0),
  [460] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__from_head, 2, 0, 1),
  [462] = {.entry = {.count = 1, .reusable = true}}, SHIFT(210),
  [464] = {.entry = {.count = 1, .reusable = true}}, SHIFT(84),
  [466] = {.entry = {.count = 1, .reusable = true}}, SHIFT(148),
  [468] = {.entry = {.count = 2, .reusable = true}}, REDUCE(aux_sym__flags_repeat1, 2, 0, 0), SHIFT_REPEAT(84),
  [471] = {.entry = {.count = 1, .reusable = true}}, SHIFT(86),
  [473] = {.entry = {.count = 1, .reusable = true}}, SHIFT(150),
  [475] = {.entry = {.count = 2, .reusable = true}}, REDUCE(aux_sym__flags_repeat1, 2, 0, 0), SHIFT_REPEAT(86),
  [478] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__label_head, 2, 0, 0),
  [480] = {.entry = {.count = 1, .reusable = true}}, SHIFT(114),
  [482] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__env_head, 3, 0, 0),
  [484] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__arg_head, 3, 0, 0),
  [486] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__expose_head, 3, 0, 0),
  [488] = {.entry = {.count = 1, .reusable = true}}, REDUCE(aux_sym_shell_command_with_heredocs_repeat1, 2, 0, 0),
  [490] = {.entry = {.count = 2, .reusable = true}}, REDUCE(aux_sym_shell_command_with_heredocs_repeat1, 2, 0, 0), SHIFT_REPEAT(91),
  [493] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__from_head, 3, 0, 1),
  [495] = {.entry = {.count = 1, .reusable = true}}, SHIFT(113),
  [497] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_shell_command_with_heredocs, 1, 0, 0),
  [499] = {.entry = {.count = 1, .reusable = true}}, SHIFT(91),
  [501] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__from_head, 4, 0, 30),
  [503] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__from_head, 4, 0, 27),
  [505] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__volume_head, 4, 0, 0),
  [507] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__from_head, 5, 0, 30),
  [509] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__from_head, 5, 0, 31),
  [511] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__from_head, 6, 0, 31),
  [513] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__env_head, 2, 0, 0),
  [515] = {.entry = {.count = 1, .reusable = true}}, SHIFT(88),
  [517] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_shell_command_with_heredocs, 2, 0, 0),
  [519] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__arg_head, 2, 0, 0),
  [521] = {.entry = {.count = 1, .reusable = true}}, SHIFT(89),
  [523] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__expose_head, 2, 0, 0),
  [525] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__volume_head, 3, 0, 0),
  [527] = {.entry = {.count = 1, .reusable = true}}, REDUCE(aux_sym__from_head_repeat1, 2, 0, 0),
  [529] = {.entry = {.count = 2, .reusable = true}}, REDUCE(aux_sym__from_head_repeat1, 2, 0, 0), SHIFT_REPEAT(125),
  [532] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__label_head, 3, 0, 0),
  [534] = {.entry = {.count = 1, .reusable = true}}, REDUCE(aux_sym__label_head_repeat1, 2, 0, 0),
  [536] = {.entry = {.count = 2, .reusable = true}}, REDUCE(aux_sym__label_head_repeat1, 2, 0, 0), SHIFT_REPEAT(114),
  [539] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__maintainer_head, 2, 0, 0),
  [541] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_shell_command, 2, 0, 0),
  [543] = {.entry = {.count = 1, .reusable = true}}, SHIFT(119),
  [545] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__stopsignal_head, 2, 0, 0),
  [547] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__user_head, 2, 0, 0),
  [549] = {.entry = {.count = 1, .reusable = true}}, REDUCE(aux_sym_shell_command_repeat1, 2, 0, 0),
  [551] = {.entry = {.count = 2, .reusable = true}}, REDUCE(aux_sym_shell_command_repeat1, 2, 0, 0), SHIFT_REPEAT(119),
  [554] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__workdir_head, 2, 0, 0),
  [556] = {.entry = {.count = 1, .reusable = true}}, SHIFT(78),
  [558] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_word, 1, 0, 0),
  [560] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__unknown_head, 1, 0, 0),
  [562] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_shell_command, 1, 0, 0),
  [564] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__from_head, 2, 0, 0),
  [566] = {.entry = {.count = 1, .reusable = true}}, SHIFT(76),
  [568] = {.entry = {.count = 1, .reusable = true}}, SHIFT(29),
  [570] = {.entry = {.count = 1, .reusable = true}}, SHIFT(24),
  [572] = {.entry = {.count = 1, .reusable = true}}, SHIFT(30),
  [574] = {.entry = {.count = 1, .reusable = true}}, SHIFT(31),
  [576] = {.entry = {.count = 1, .reusable = true}}, SHIFT(32),
  [578] = {.entry = {.count = 1, .reusable = true}}, SHIFT(33),
  [580] = {.entry = {.count = 1, .reusable = true}}, SHIFT(34),
  [582] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__healthcheck_head, 2, 0, 0),
  [584] = {.entry = {.count = 1, .reusable = true}}, SHIFT(58),
  [586] = {.entry = {.count = 1, .reusable = true}}, SHIFT(212),
  [588] = {.entry = {.count = 1, .reusable = true}}, SHIFT(182),
  [590] = {.entry = {.count = 1, .reusable = true}}, SHIFT(185),
  [592] = {.entry = {.count = 2, .reusable = true}}, REDUCE(aux_sym_json_array_repeat1, 2, 0, 0), SHIFT_REPEAT(212),
  [595] = {.entry = {.count = 1, .reusable = true}}, REDUCE(aux_sym_json_array_repeat1, 2, 0, 0),
  [597] = {.entry = {.count = 1, .reusable = true}}, SHIFT(26),
  [599] = {.entry = {.count = 1, .reusable = true}}, SHIFT(35),
  [601] = {.entry = {.count = 1, .reusable = true}}, SHIFT(36),
  [603] = {.entry = {.count = 1, .reusable = true}}, SHIFT(37),
  [605] = {.entry = {.count = 1, .reusable = true}}, SHIFT(38),
  [607] = {.entry = {.count = 1, .reusable = true}}, SHIFT(11),
  [609] = {.entry = {.count = 1, .reusable = true}}, SHIFT(27),
  [611] = {.entry = {.count = 1, .reusable = true}}, SHIFT(9),
  [613] = {.entry = {.count = 1, .reusable = true}}, SHIFT(10),
  [615] = {.entry = {.count = 1, .reusable = true}}, SHIFT(25),
  [617] = {.entry = {.count = 1, .reusable = true}}, SHIFT(28),
  [619] = {.entry = {.count = 1, .reusable = true}}, SHIFT(8),
  [621] = {.entry = {.count = 1, .reusable = true}}, SHIFT(103),
  [623] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__trigger, 1, 0, 18),
  [625] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__trigger, 1, 0, 4),
  [627] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__trigger, 1, 0, 5),
  [629] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__trigger, 1, 0, 6),
  [631] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__trigger, 1, 0, 7),
  [633] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__maintainer_head, 3, 0, 0),
  [635] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__user_head, 3, 0, 0),
  [637] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__workdir_head, 3, 0, 0),
  [639] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__stopsignal_head, 3, 0, 0),
  [641] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__healthcheck_head, 3, 0, 3),
  [643] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__trigger, 1, 0, 8),
  [645] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__onbuild_head, 3, 0, 29),
  [647] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__trigger, 1, 0, 9),
  [649] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__trigger, 1, 0, 10),
  [651] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__trigger, 1, 0, 11),
  [653] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__trigger, 1, 0, 12),
  [655] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__trigger, 1, 0, 13),
  [657] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__trigger, 1, 0, 14),
  [659] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__trigger, 1, 0, 15),
  [661] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__trigger, 1, 0, 16),
  [663] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_json_array, 3, 0, 0),
  [665] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__trigger, 1, 0, 17),
  [667] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__healthcheck_head, 4, 0, 28),
  [669] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__unknown_head, 2, 0, 0),
  [671] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_json_array, 4, 0, 0),
  [673] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__trigger, 1, 0, 20),
  [675] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym_json_array, 5, 0, 0),
  [677] = {.entry = {.count = 1, .reusable = true}}, SHIFT(176),
  [679] = {.entry = {.count = 1, .reusable = true}}, SHIFT(137),
  [681] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__trigger, 1, 0, 21),
  [683] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__onbuild_head, 2, 0, 22),
  [685] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__trigger, 1, 0, 23),
  [687] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__run_head, 3, 0, 0),
  [689] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__cmd_head, 3, 0, 0),
  [691] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__text, 1, 0, 2),
  [693] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__entrypoint_head, 3, 0, 0),
  [695] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__shell_head, 3, 0, 0),
  [697] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__copy_head, 3, 0, 0),
  [699] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__add_head, 3, 0, 0),
  [701] = {.entry = {.count = 1, .reusable = true}}, SHIFT(116),
  [703] = {.entry = {.count = 1, .reusable = true}}, REDUCE(sym__trigger, 1, 0, 19),
  [705] = {.entry = {.count = 1, .reusable = true}}, SHIFT(100),
  [707] = {.entry = {.count = 1, .reusable = true}}, SHIFT(96),
  [709] = {.entry = {.count = 1, .reusable = true}}, SHIFT(23),
  [711] = {.entry = {.count = 1, .reusable = true}}, SHIFT(184),
  [713] = {.entry = {.count = 1, .reusable = true}},  ACCEPT_INPUT(),
  [715] = {.entry = {.count = 1, .reusable = true}}, SHIFT(186),
};

enum ts_external_scanner_symbol_identifiers {
  ts_external_token__directive_line = 0,
  ts_external_token__directive_end = 1,
  ts_external_token_comment = 2,
  ts_external_token__newline = 3,
  ts_external_token__eof = 4,
  ts_external_token_line_continuation = 5,
  ts_external_token__exec_form_start = 6,
  ts_external_token__shell_form_start = 7,
  ts_external_token_flag = 8,
  ts_external_token__flags_end = 9,
  ts_external_token__word = 10,
  ts_external_token__quoted_word = 11,
  ts_external_token__as = 12,
  ts_external_token_shell_fragment = 13,
  ts_external_token_heredoc_marker = 14,
  ts_external_token_heredoc_content = 15,
  ts_external_token_heredoc_end = 16,
  ts_external_token__error_sentinel = 17,
};

static const TSSymbol ts_external_scanner_symbol_map[EXTERNAL_TOKEN_COUNT] = {
  [ts_external_token__directive_line] = sym__directive_line,
  [ts_external_token__directive_end] = sym__directive_end,
  [ts_external_token_comment] = sym_comment,
  [ts_external_token__newline] = sym__newline,
  [ts_external_token__eof] = sym__eof,
  [ts_external_token_line_continuation] = sym_line_continuation,
  [ts_external_token__exec_form_start] = sym__exec_form_start,
  [ts_external_token__shell_form_start] = sym__shell_form_start,
  [ts_external_token_flag] = sym_flag,
  [ts_external_token__flags_end] = sym__flags_end,
  [ts_external_token__word] = sym__word,
  [ts_external_token__quoted_word] = sym__quoted_word,
  [ts_external_token__as] = sym__as,
  [ts_external_token_shell_fragment] = sym_shell_fragment,
  [ts_external_token_heredoc_marker] = sym_heredoc_marker,
  [ts_external_token_heredoc_content] = sym_heredoc_content,
  [ts_external_token_heredoc_end] = sym_heredoc_end,
  [ts_external_token__error_sentinel] = sym__error_sentinel,
};

static const bool ts_external_scanner_states[30][EXTERNAL_TOKEN_COUNT] = {
  [1] = {
    [ts_external_token__directive_line] = true,
    [ts_external_token__directive_end] = true,
    [ts_external_token_comment] = true,
    [ts_external_token__newline] = true,
    [ts_external_token__eof] = true,
    [ts_external_token_line_continuation] = true,
    [ts_external_token__exec_form_start] = true,
    [ts_external_token__shell_form_start] = true,
    [ts_external_token_flag] = true,
    [ts_external_token__flags_end] = true,
    [ts_external_token__word] = true,
    [ts_external_token__quoted_word] = true,
    [ts_external_token__as] = true,
    [ts_external_token_shell_fragment] = true,
    [ts_external_token_heredoc_marker] = true,
    [ts_external_token_heredoc_content] = true,
    [ts_external_token_heredoc_end] = true,
    [ts_external_token__error_sentinel] = true,
  },
  [2] = {
    [ts_external_token__directive_line] = true,
    [ts_external_token_comment] = true,
    [ts_external_token__newline] = true,
    [ts_external_token_line_continuation] = true,
  },
  [3] = {
    [ts_external_token_comment] = true,
    [ts_external_token__newline] = true,
    [ts_external_token_line_continuation] = true,
  },
  [4] = {
    [ts_external_token__newline] = true,
    [ts_external_token__eof] = true,
    [ts_external_token_line_continuation] = true,
    [ts_external_token_flag] = true,
    [ts_external_token__flags_end] = true,
  },
  [5] = {
    [ts_external_token__newline] = true,
    [ts_external_token__eof] = true,
    [ts_external_token_line_continuation] = true,
  },
  [6] = {
    [ts_external_token_comment] = true,
    [ts_external_token__newline] = true,
    [ts_external_token_line_continuation] = true,
    [ts_external_token_heredoc_content] = true,
    [ts_external_token_heredoc_end] = true,
  },
  [7] = {
    [ts_external_token__newline] = true,
    [ts_external_token__eof] = true,
    [ts_external_token_line_continuation] = true,
    [ts_external_token__exec_form_start] = true,
    [ts_external_token__shell_form_start] = true,
    [ts_external_token_flag] = true,
    [ts_external_token__flags_end] = true,
    [ts_external_token__word] = true,
    [ts_external_token_heredoc_marker] = true,
  },
  [8] = {
    [ts_external_token__newline] = true,
    [ts_external_token__eof] = true,
    [ts_external_token_line_continuation] = true,
    [ts_external_token__exec_form_start] = true,
    [ts_external_token__shell_form_start] = true,
    [ts_external_token_flag] = true,
    [ts_external_token__flags_end] = true,
    [ts_external_token_shell_fragment] = true,
  },
  [9] = {
    [ts_external_token__newline] = true,
    [ts_external_token__eof] = true,
    [ts_external_token_line_continuation] = true,
    [ts_external_token__exec_form_start] = true,
    [ts_external_token__shell_form_start] = true,
    [ts_external_token_flag] = true,
    [ts_external_token__flags_end] = true,
    [ts_external_token_shell_fragment] = true,
    [ts_external_token_heredoc_marker] = true,
  },
  [10] = {
    [ts_external_token__newline] = true,
    [ts_external_token__eof] = true,
    [ts_external_token_line_continuation] = true,
    [ts_external_token__exec_form_start] = true,
    [ts_external_token__shell_form_start] = true,
    [ts_external_token_flag] = true,
    [ts_external_token__flags_end] = true,
    [ts_external_token__word] = true,
  },
  [11] = {
    [ts_external_token__newline] = true,
    [ts_external_token__eof] = true,
    [ts_external_token_line_continuation] = true,
    [ts_external_token__exec_form_start] = true,
    [ts_external_token__shell_form_start] = true,
    [ts_external_token__word] = true,
    [ts_external_token_heredoc_marker] = true,
  },
  [12] = {
    [ts_external_token__newline] = true,
    [ts_external_token__eof] = true,
    [ts_external_token_line_continuation] = true,
    [ts_external_token__exec_form_start] = true,
    [ts_external_token__shell_form_start] = true,
    [ts_external_token_shell_fragment] = true,
    [ts_external_token_heredoc_marker] = true,
  },
  [13] = {
    [ts_external_token__newline] = true,
    [ts_external_token__eof] = true,
    [ts_external_token_line_continuation] = true,
    [ts_external_token__exec_form_start] = true,
    [ts_external_token__shell_form_start] = true,
    [ts_external_token_shell_fragment] = true,
  },
  [14] = {
    [ts_external_token__newline] = true,
    [ts_external_token__eof] = true,
    [ts_external_token_line_continuation] = true,
    [ts_external_token_flag] = true,
    [ts_external_token__flags_end] = true,
    [ts_external_token__quoted_word] = true,
  },
  [15] = {
    [ts_external_token__newline] = true,
    [ts_external_token__eof] = true,
    [ts_external_token_line_continuation] = true,
    [ts_external_token_flag] = true,
    [ts_external_token__flags_end] = true,
    [ts_external_token__word] = true,
  },
  [16] = {
    [ts_external_token__newline] = true,
    [ts_external_token__eof] = true,
    [ts_external_token_line_continuation] = true,
    [ts_external_token_flag] = true,
    [ts_external_token__flags_end] = true,
    [ts_external_token_shell_fragment] = true,
  },
  [17] = {
    [ts_external_token__newline] = true,
    [ts_external_token__eof] = true,
    [ts_external_token_line_continuation] = true,
    [ts_external_token__exec_form_start] = true,
    [ts_external_token__shell_form_start] = true,
    [ts_external_token__word] = true,
  },
  [18] = {
    [ts_external_token__newline] = true,
    [ts_external_token__eof] = true,
    [ts_external_token_line_continuation] = true,
    [ts_external_token__word] = true,
    [ts_external_token__as] = true,
  },
  [19] = {
    [ts_external_token__newline] = true,
    [ts_external_token__eof] = true,
    [ts_external_token_line_continuation] = true,
    [ts_external_token__word] = true,
    [ts_external_token_heredoc_marker] = true,
  },
  [20] = {
    [ts_external_token__newline] = true,
    [ts_external_token__eof] = true,
    [ts_external_token_line_continuation] = true,
    [ts_external_token__quoted_word] = true,
  },
  [21] = {
    [ts_external_token__newline] = true,
    [ts_external_token__eof] = true,
    [ts_external_token_line_continuation] = true,
    [ts_external_token__word] = true,
  },
  [22] = {
    [ts_external_token__newline] = true,
    [ts_external_token__eof] = true,
    [ts_external_token_line_continuation] = true,
    [ts_external_token_shell_fragment] = true,
    [ts_external_token_heredoc_marker] = true,
  },
  [23] = {
    [ts_external_token__newline] = true,
    [ts_external_token__eof] = true,
    [ts_external_token_line_continuation] = true,
    [ts_external_token_shell_fragment] = true,
  },
  [24] = {
    [ts_external_token_line_continuation] = true,
    [ts_external_token__word] = true,
    [ts_external_token_heredoc_marker] = true,
  },
  [25] = {
    [ts_external_token_line_continuation] = true,
    [ts_external_token__word] = true,
  },
  [26] = {
    [ts_external_token_line_continuation] = true,
  },
  [27] = {
    [ts_external_token_line_continuation] = true,
    [ts_external_token_shell_fragment] = true,
    [ts_external_token_heredoc_marker] = true,
  },
  [28] = {
    [ts_external_token_line_continuation] = true,
    [ts_external_token_shell_fragment] = true,
  },
  [29] = {
    [ts_external_token__directive_end] = true,
    [ts_external_token_line_continuation] = true,
  },
};

#ifdef __cplusplus
extern "C" {
#endif
void *tree_sitter_dockerfile_external_scanner_create(void);
void tree_sitter_dockerfile_external_scanner_destroy(void *);
bool tree_sitter_dockerfile_external_scanner_scan(void *, TSLexer *, const bool *);
unsigned tree_sitter_dockerfile_external_scanner_serialize(void *, char *);
void tree_sitter_dockerfile_external_scanner_deserialize(void *, const char *, unsigned);

#ifdef TREE_SITTER_HIDE_SYMBOLS
#define TS_PUBLIC
#elif defined(_WIN32)
#define TS_PUBLIC __declspec(dllexport)
#else
#define TS_PUBLIC __attribute__((visibility("default")))
#endif

TS_PUBLIC const TSLanguage *tree_sitter_dockerfile(void) {
  static const TSLanguage language = {
    .version = LANGUAGE_VERSION,
    .symbol_count = SYMBOL_COUNT,
    .alias_count = ALIAS_COUNT,
    .token_count = TOKEN_COUNT,
    .external_token_count = EXTERNAL_TOKEN_COUNT,
    .state_count = STATE_COUNT,
    .large_state_count = LARGE_STATE_COUNT,
    .production_id_count = PRODUCTION_ID_COUNT,
    .field_count = FIELD_COUNT,
    .max_alias_sequence_length = MAX_ALIAS_SEQUENCE_LENGTH,
    .parse_table = &ts_parse_table[0][0],
    .small_parse_table = ts_small_parse_table,
    .small_parse_table_map = ts_small_parse_table_map,
    .parse_actions = ts_parse_actions,
    .symbol_names = ts_symbol_names,
    .field_names = ts_field_names,
    .field_map_slices = ts_field_map_slices,
    .field_map_entries = ts_field_map_entries,
    .symbol_metadata = ts_symbol_metadata,
    .public_symbol_map = ts_symbol_map,
    .alias_map = ts_non_terminal_alias_map,
    .alias_sequences = &ts_alias_sequences[0][0],
    .lex_modes = ts_lex_modes,
    .lex_fn = ts_lex,
    .external_scanner = {
      &ts_external_scanner_states[0][0],
      ts_external_scanner_symbol_map,
      tree_sitter_dockerfile_external_scanner_create,
      tree_sitter_dockerfile_external_scanner_destroy,
      tree_sitter_dockerfile_external_scanner_scan,
      tree_sitter_dockerfile_external_scanner_serialize,
      tree_sitter_dockerfile_external_scanner_deserialize,
    },
    .primary_state_ids = ts_primary_state_ids,
  };
  return &language;
}
#ifdef __cplusplus
}
#endif
