#include <future>
#include <utility>

#include "clause_scan/extract.h"

namespace clause_scan {

Result<Resources> Resources::load(const std::filesystem::path& rules_dir, Compile compile) {
  // The term list (its trie is a tenth of loading) builds on another thread meanwhile: the
  // rule files keep the cores busy only until the largest is parsed.
  std::future<Result<TermList>> loading_terms =
      std::async(std::launch::async, [&] { return TermList::load(rules_dir / "terms.txt"); });
  Result<RuleSet> rules = RuleSet::load_dir(rules_dir, compile);
  Result<TermList> terms = loading_terms.get();
  if (!rules.ok()) return rules.error();
  if (!terms.ok()) return terms.error();
  Result<WorkCalendar> calendar = WorkCalendar::load(rules_dir / "calendar-cn.txt");
  if (!calendar.ok()) return calendar.error();
  return Resources{std::move(rules).value(), std::move(terms).value(), std::move(calendar).value(),
                   rules_dir};
}

Document make_document(std::string file, DecodedText decoded) {
  SourceText source(std::move(decoded.utf8));
  Outline outline = build_outline(source);
  return Document{std::move(file), std::move(decoded.encoding), std::move(source),
                  std::move(outline)};
}

Result<Document> load_document(const std::filesystem::path& path, const DecodeOptions& options) {
  Result<DecodedText> decoded = read_and_decode(path, options);
  if (!decoded.ok()) return decoded.error();
  return make_document(path.string(), std::move(decoded).value());
}

LoadedDocuments load_documents(const std::vector<std::string>& paths,
                               const DecodeOptions& options) {
  LoadedDocuments loaded;
  for (const std::string& path : paths) {
    Result<Document> document = load_document(path, options);
    if (!document.ok()) {
      loaded.errors.emplace_back(document.error());
      continue;
    }
    loaded.errors.emplace_back();
    loaded.documents.push_back(std::move(document).value());
  }
  return loaded;
}

}  // namespace clause_scan
