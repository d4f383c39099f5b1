#pragma once
// The check functions, one per rule, each in its own file in this folder. Their declarations are
// generated from the `check:` keys of rules/*.yaml (rules/generate_rule_table.cpp), so a rule is
// its YAML file and its check file.

#include "lint/checks/check_functions.h"
#include "lint/context.h"
