// diff_json.cpp: the diff document of ../shared/spec/diff-v1.md, key for key.
#include "clause_scan/diff.h"

namespace clause_scan {
namespace {

template <typename T>
Json optional_json(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json edits_json(const std::vector<WordEdit>& edits) {
  Json list = Json::array();
  for (const WordEdit& edit : edits) {
    Json item;
    item["op"] = to_string(edit.op);
    item["text"] = edit.text;
    list.push_back(std::move(item));
  }
  return list;
}

Json clause_json(const ClauseChange& change) {
  Json item;
  item["status"] = to_string(change.status);
  item["moved"] = change.moved;
  item["renumbered"] = change.renumbered;
  item["old_number"] = optional_json(change.old_number);
  item["new_number"] = optional_json(change.new_number);
  item["old_line"] = optional_json(change.old_line);
  item["new_line"] = optional_json(change.new_line);
  item["heading"] = change.heading.empty() ? Json(nullptr) : Json(change.heading);
  item["similarity"] = change.similarity;
  item["edits"] = edits_json(change.edits);
  item["old_path"] = optional_json(change.old_path);
  item["new_path"] = optional_json(change.new_path);
  item["head"] = change.head;
  if (change.status == ClauseStatus::added) item["text"] = change.new_text;
  if (change.status == ClauseStatus::deleted) item["text"] = change.old_text;
  return item;
}

Json field_json(const FieldChange& change) {
  Json item;
  item["field"] = to_string(change.field);
  item["label"] = change.label;
  item["old"] = optional_json(change.old_value);
  item["new"] = optional_json(change.new_value);
  item["old_clause"] = optional_json(change.old_clause);
  item["new_clause"] = optional_json(change.new_clause);
  item["aspect"] = optional_json(change.aspect);
  item["old_line"] = optional_json(change.old_line);
  item["new_line"] = optional_json(change.new_line);
  item["change"] = optional_json(change.change);
  return item;
}

}  // namespace

Json diff_to_json(const ContractDiff& diff) {
  Json document;
  document["schema"] = kDiffSchema;
  document["old"] = diff.old_file;
  document["new"] = diff.new_file;
  Json counts;
  counts["unchanged"] = diff.counts.unchanged;
  counts["modified"] = diff.counts.modified;
  counts["added"] = diff.counts.added;
  counts["deleted"] = diff.counts.deleted;
  counts["moved"] = diff.counts.moved;
  counts["renumbered"] = diff.counts.renumbered;
  document["counts"] = std::move(counts);
  Json clauses = Json::array();
  for (const ClauseChange& change : diff.clauses) clauses.push_back(clause_json(change));
  document["clauses"] = std::move(clauses);
  Json fields = Json::array();
  for (const FieldChange& change : diff.fields) fields.push_back(field_json(change));
  document["fields"] = std::move(fields);
  return document;
}

}  // namespace clause_scan
