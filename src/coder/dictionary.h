// Dictionary: the coder's knowledge, read from data files.
//
// Files are *.dict in one or more folders (format and grammar in
// docs/dictionaries.md). Each file holds records:
//
//   actor Taliban            # kind and name in column 0
//     code: TAL              # indented "key: value" fields
//     aliases: Taliban | Taleban | Mujahideen
//
// Kinds: actor, person, country, action, cue, verbs. Records with the same
// kind and name, in later files or folders, merge into the earlier one:
// list fields are extended, single-valued fields replaced.
//
// A DictionarySource is the parsed, merged records; Compile() checks
// cross-references (an unknown actor named by a country or person record is
// an error naming its file:line) and builds the Dictionary: a vocabulary of
// folded words and one PhraseTrie holding every alias, demonym, capital,
// action pattern (with its verb forms) and cue phrase.
//
// Thread-safety: a compiled Dictionary is immutable and may be shared.
#ifndef SITREP_CODER_DICTIONARY_H_
#define SITREP_CODER_DICTIONARY_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "coder/phrase_trie.h"
#include "coder/vocabulary.h"
#include "sitrep/coder.h"
#include "sitrep/date.h"
#include "sitrep/status.h"

namespace sitrep::coder {

enum class Sector : uint8_t {
  kGovernment,     // executive, ministries, diplomats
  kMilitary,       // state armed forces
  kPolice,         // state police and security services
  kRebel,          // non-state armed group fighting the state
  kMilitia,        // pro-government or local armed group
  kTerrorist,      // designated jihadist group
  kInternational,  // IGO: UN, NATO, ...
  kCivilian,
  kMedia,
  kOther,
};
Result<Sector> ParseSector(std::string_view s);
bool IsArmed(Sector s);

// Which camp an actor belongs to in one country's conflict.
enum class Camp : uint8_t { kNone, kGovernment, kOpposition };

struct ActorRecord {
  std::string name;  // canonical, "Taliban"
  std::string code;  // "TAL"
  Sector sector = Sector::kOther;
  std::string country;  // ISO 3166 alpha-2 of its home country, "" for none
  std::vector<std::pair<std::string, Camp>> sides;  // ("AF", kOpposition)
  std::vector<std::string> aliases;
  std::string where;  // "file:line" of its first header

  Camp CampIn(std::string_view country_code) const;
};

struct PersonRole {
  Date from;  // invalid = open
  Date to;    // invalid = open; inclusive
  std::string actor;
  std::string title;
};

struct PersonRecord {
  std::string name;
  std::vector<std::string> aliases;
  std::vector<PersonRole> roles;
  std::string where;
};

struct CountryRecord {
  std::string code;                   // "AF"
  std::string name;                   // "Afghanistan"
  std::vector<std::string> names;     // names that denote the country
  std::vector<std::string> demonyms;  // "Afghan"
  std::vector<std::string> capitals;  // "Kabul"
  std::vector<std::string> cities;    // well-known places, evidence of the story's country
  std::string government;             // actor names
  std::string military;
  std::string police;
  std::string opposition;      // the armed opposition when the story names none
  std::string forces_speaker;  // who a statement of the forces is attributed to
  std::string where;
};

enum VerbForm : uint8_t {
  kFormBase = 1,
  kForm3sg = 2,
  kFormPast = 4,
  kFormParticiple = 8,
  kFormIng = 16,
  kFormNoun = 32,
};

struct ActionRecord {
  ActionInfo info;
  std::string acled_state_type;  // when the actor is the state
  std::string acled_state_subtype;
  std::vector<std::string> verbs;          // "seize", "take control of"
  std::vector<std::string> place_subject;  // "fall to", "come under {} control"
  std::vector<std::string> nouns;          // "car bomb", "fighting"
  std::vector<std::string> phrases;        // uninflected, actor subject: "in full control of"
  std::vector<std::string> states;         // uninflected, place subject: "in the hands of"
  std::string mirror;                      // code of the mirrored event ("043" host -> "042" visit)
  bool announced = false;  // a stated plan, order or threat still counts ("will deploy")
  std::string where;
};

// Classes of cue words: grammar and discourse signals the coder needs.
enum class Cue : uint8_t {
  kNegation,
  kFuture,
  kModal,
  kConditional,
  kIntent,
  kAttempt,
  kThreat,
  kHalt,
  kSpeech,
  kDenial,
  kSource,
  kJournalist,
  kHearsay,
  kBoundary,
  kRelative,
  kFacility,
  kAdmin1Word,
  kDistrictWord,
  kSettlementWord,
  kRefSettlement,
  kRefProvince,
  kRefCountry,
  kRefArmedGroup,
  kRefEnemy,
  kRoleMilitary,
  kRoleGovernment,
  kRolePolice,
  kLightVerb,
  kOccurrence,
  kBeAux,
  kHaveAux,
  kPronounPlural,
  kPronounThing,
  kPronounPerson,
  kPronounWe,
  kLocative,
  kDistance,
  kGeneric,
  kNotPlace,
  kAnonymous,
  kStative,
  kAerial,
  kResponsibility,
  kAcknowledge,
  kRelativeTime,
  kRefBothSides,
  kResultative,
  kCount,  // number of classes
};
std::string_view CueName(Cue c);
Result<Cue> ParseCue(std::string_view name);

struct CueRecord {
  Cue cue = Cue::kNegation;
  std::vector<std::string> phrases;
  std::vector<std::string> verbs;  // inflected like action verbs
  std::string where;
};

struct IrregularVerb {
  std::string past, participle, ing, third;  // ing / third may be empty (rules)
};

// Parsed records, merged in load order.
struct DictionarySource {
  std::vector<ActorRecord> actors;
  std::vector<PersonRecord> persons;
  std::vector<CountryRecord> countries;
  std::vector<ActionRecord> actions;
  std::vector<CueRecord> cues;
  std::map<std::string, IrregularVerb> irregular;  // lemma -> forms
  std::vector<std::string> files;                  // every file read
};

// Parses one file's text into `src`, merging with what is there.
// `name` is used in error positions ("name:line").
Status ParseDictionaryText(std::string_view text, std::string_view name, DictionarySource* src);
// Reads every *.dict file of `dir` (sorted by name). A missing folder is
// kNotFound; an unreadable file kIoError.
Status LoadDictionaryDir(const std::string& dir, DictionarySource* src);

// The forms of a verb lemma (first word inflected, the rest kept).
struct VerbForms {
  std::string base, third, past, participle, ing;
};
VerbForms Inflect(std::string_view lemma, const std::map<std::string, IrregularVerb>& irregular);
// Plural of a noun phrase (last word).
std::string Pluralize(std::string_view noun);

// Pattern flags, written after a pattern in brackets: "leave [armed]".
inline constexpr uint16_t kEntryArmed = 2;       // the subject must be armed forces
inline constexpr uint16_t kEntryNeedsPlace = 4;  // the event needs a place
inline constexpr uint16_t kEntryMutual = 16;     // symmetric: "X and Y clashed", "X fought Y"
// Bits 8..11: a control effect override + 1 ("repel [repels]").
inline constexpr int kEntryEffectShift = 8;

// Kinds of trie entries.
enum EntryKind : uint8_t {
  kEntryActor = 1,
  kEntryPerson,
  kEntryCountryName,
  kEntryDemonym,
  kEntryCapital,
  kEntryVerb,
  kEntryPlaceSubject,
  kEntryNoun,
  kEntryCue,
  kEntryCity,  // a well-known place of a country: focus evidence only
};

// One phrase as compiled into the trie: its folded tokens ("{}" = gap).
struct CompiledPhrase {
  std::vector<std::string> tokens;
  PhraseEntry entry;
};

class Dictionary {
 public:
  // Compiles merged records. Errors name the record's file:line.
  static Result<std::unique_ptr<Dictionary>> Compile(DictionarySource src);

  const Vocabulary& vocabulary() const { return vocab_; }
  const PhraseTrie& trie() const { return trie_; }
  const std::vector<ActorRecord>& actors() const { return src_.actors; }
  const std::vector<PersonRecord>& persons() const { return src_.persons; }
  const std::vector<CountryRecord>& countries() const { return src_.countries; }
  const std::vector<ActionRecord>& actions() const { return src_.actions; }
  const std::vector<CueRecord>& cues() const { return src_.cues; }
  const DictionarySource& source() const { return src_; }

  // -1 if unknown.
  int FindActor(std::string_view name) const;
  int FindAction(std::string_view cameo) const;
  int FindCountry(std::string_view code) const;
  // Actor index named by a country field (government, military ...); -1 if none.
  int CountryActor(int country, std::string_view field) const;

  // Every phrase in the trie, in the order added (for the reference matcher).
  const std::vector<CompiledPhrase>& phrases() const { return phrases_; }

  // The vocabulary id of a folded word; 0 if absent.
  uint32_t Id(std::string_view folded) const { return vocab_.Find(folded); }

 private:
  Dictionary() = default;
  Status Build();
  Status AddPhrase(std::string_view phrase, PhraseEntry entry, std::string_view where);

  DictionarySource src_;
  Vocabulary vocab_;
  PhraseTrie trie_;
  std::vector<CompiledPhrase> phrases_;
  std::unordered_map<std::string, int> actor_index_;
  std::unordered_map<std::string, int> action_index_;
  std::unordered_map<std::string, int> country_index_;
  struct CountryActors {
    int government = -1, military = -1, police = -1, opposition = -1, forces_speaker = -1;
  };
  std::vector<CountryActors> country_actors_;
};

}  // namespace sitrep::coder

#endif  // SITREP_CODER_DICTIONARY_H_
