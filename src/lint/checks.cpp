// The one explicit list of checks, sorted by code. tests/unit/test_lint_registry.cpp checks that
// it names exactly the rules in rules/*.yaml.

#include "lint/checks/checks.h"
#include "lint/context.h"

namespace msm::lint {

const std::vector<CheckRegistration> &registered_checks() {
  static const std::vector<CheckRegistration> k_checks = {
      {"DL1001", checks::inline_ignore_pragma},
      {"DL3002", checks::root_user},
      {"DL3006", checks::untagged_base_image},
      {"DL3007", checks::latest_tag},
      {"DL3011", checks::expose_port_range},
      {"DL3020", checks::add_instead_of_copy},
      {"DL3021", checks::copy_multiple_sources_dest},
      {"DL3026", checks::untrusted_registry},
      {"DL3043", checks::onbuild_trigger_disallowed},
      {"DL3044", checks::env_self_reference},
      {"DL3045", checks::copy_relative_without_workdir},
      {"DL3048", checks::invalid_label_key},
      {"DL3049", checks::missing_label},
      {"DL3050", checks::label_not_in_schema},
      {"DL3051", checks::empty_label},
      {"DL3052", checks::url_label},
      {"DL3053", checks::time_label},
      {"DL3054", checks::spdx_label},
      {"DL3055", checks::hash_label},
      {"DL3056", checks::semver_label},
      {"DL3057", checks::missing_healthcheck},
      {"DL3058", checks::email_label},
      {"DL3059", checks::consecutive_run},
      {"DL3061", checks::instruction_before_from},
      {"DL3066", checks::non_numeric_user},
      {"DL3067", checks::copy_entire_filesystem},
      {"MSM1001", checks::syntax_error},
      {"MSM1002", checks::unknown_instruction},
      {"MSM1003", checks::unknown_flag},
      {"MSM1004", checks::invalid_exec_form},
      {"MSM1005", checks::empty_continuation},
      {"MSM1006", checks::stage_name_casing},
      {"MSM1007", checks::from_as_casing},
      {"MSM1008", checks::instruction_casing},
      {"MSM1009", checks::duplicate_stage_name},
      {"MSM1010", checks::reserved_stage_name},
      {"MSM1011", checks::json_args_recommended},
      {"MSM1012", checks::maintainer_deprecated},
      {"MSM1013", checks::undefined_arg_in_from},
      {"MSM1014", checks::workdir_relative_path},
      {"MSM1015", checks::undefined_var},
      {"MSM1016", checks::multiple_instructions},
      {"MSM1017", checks::legacy_key_value},
      {"MSM1018", checks::redundant_target_platform},
      {"MSM1019", checks::secrets_in_arg_or_env},
      {"MSM1020", checks::invalid_default_arg_in_from},
      {"MSM1021", checks::from_platform_const},
      {"MSM1022", checks::copy_ignored_file},
      {"MSM1023", checks::expose_proto_casing},
      {"MSM1024", checks::expose_invalid_format},
      {"MSM1025", checks::invalid_arguments},
      {"MSM3001", checks::unused_stage},
      {"MSM3002", checks::stage_referenced_by_index},
      {"MSM3003", checks::undefined_stage_reference},
      {"MSM3004", checks::sdk_final_stage},
      {"MSM3005", checks::copy_before_install},
      {"MSM3006", checks::builder_pattern_layout},
      {"MSM9001", nullptr},  // unused suppression: the engine reports it after all checks ran
      {"MSM9002", nullptr},  // unknown rule in a suppression: likewise
  };
  return k_checks;
}

}  // namespace msm::lint
