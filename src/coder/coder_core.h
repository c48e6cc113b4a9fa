// CoderCore: codes one report with a compiled Dictionary.
//
// The pipeline per report: tokenize (with the dictionary's vocabulary),
// split sentences, find place names (NameLexicon or capitalized runs),
// pick the report's focus country and reference day, then per sentence:
// phrase matches -> entities (actors, people, sources, pronouns,
// references), places, clauses and parentheticals, speech acts, triggers
// (action verbs, nouns, place-subject patterns) -> events with modality,
// attribution, dates and quantities. A Discourse carries what earlier
// sentences said ("the city", "the militants", the paragraph's day).
//
// The structures below are exposed for the unit tests of each step. With
// SITREP_CODER_DEBUG set in the environment, each sentence's analysis and
// each trigger's fate are traced to stderr (a development aid).
//
// Thread-safety: a CoderCore is immutable; Code() keeps all state on its
// stack and may run concurrently.
#ifndef SITREP_CODER_CODER_CORE_H_
#define SITREP_CODER_CODER_CORE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "coder/dates.h"
#include "coder/dictionary.h"
#include "coder/sentence_splitter.h"
#include "coder/tokenizer.h"
#include "sitrep/coder.h"
#include "sitrep/lexicon.h"
#include "sitrep/model.h"

namespace sitrep::coder {

// Tuning of the coder that is not dictionary data.
struct CoreOptions {
  size_t max_sentence_bytes = 4096;
  DateOptions dates;
  // A lexicon hit below this salience is taken as a place only after a
  // locative preposition or before a place-type word.
  float min_salience = 0.15f;
  // Names of places that prefix a facility ("Kabul airport") are looked for
  // at most this many tokens before it.
  uint32_t facility_window = 4;
  // Paragraph carry-over: an event with no place in its sentence takes the
  // place of the previous event of the same paragraph.
  bool carry_place_in_paragraph = true;
  // A country named in passing ("UK Defence Secretary") may be an event's
  // place when nothing better is found.
  bool country_as_last_resort = false;
  // An act dated by a bare year or decade more than this many days before
  // publication ("in 2015", "in the 1990s") is background and not coded.
  int32_t background_days = 180;
};

// Modality of one trigger, from cue words around it.
enum class Modality : uint8_t {
  kFactual,
  kNegated,
  kFuture,        // will, plans to, is set to
  kHypothetical,  // could, may, might, would (not reported), if-clauses
  kIntent,        // to-infinitive of purpose, seeks to, plans
  kAttempt,       // tried to, attempted to: an attempted capture is an attack
  kThreat,        // threatened to, warned that ... would
};
std::string_view ModalityName(Modality m);

enum class EntType : uint8_t {
  kActor,       // dictionary actor alias
  kPerson,      // a known person (actor by role)
  kCountry,     // a country name (its government as an actor)
  kComposite,   // demonym / country + role noun: "Afghan forces"
  kRole,        // a role noun alone: "government forces", "the army"
  kPronoun,     // they / it / he / we
  kGroupRef,    // "the militants"
  kEnemyRef,    // "the enemy"
  kSource,      // "an official", "residents", "a source"
  kJournalist,  // "an AFP correspondent"
  kCapital,     // a capital city in subject position: its government
};

struct Entity {
  uint32_t b = 0, e = 0;  // token range
  EntType type = EntType::kActor;
  int actor = -1;             // resolved actor index, -1 if none
  std::string name;           // canonical name when not an actor record (person, source label)
  bool after_prep = false;    // object of a preposition
  bool possessive = false;    // followed by 's
  bool modifier = false;      // modifies a following noun ("Taliban positions", "pro-Taliban")
  bool anonymous = false;     // "who asked not to be named", "on condition of anonymity"
  bool military = false;      // names armed forces (role military/police or armed actor)
  bool aerial = false;        // aircraft, drones, air force
  bool consumed = false;      // used as a place instead
  bool from_role = false;     // "envoys from the United States": acts for the role noun
  bool default_role = false;  // a bare role noun resolved to the focus country's actor
  int country = -1;           // for composites / countries
  uint8_t pronoun = 0;        // 'p' plural, 't' thing, 'h' person, 'w' we
};

struct PlaceMention_ {
  uint32_t b = 0, e = 0;
  std::string text;
  uint8_t kinds = 0;  // NameKindBits
  float salience = 0;
  PlaceKind kind = PlaceKind::kUnknown;
  GeoPrecision precision = GeoPrecision::kCity;
  bool reference_point = false;  // "150 km from X", "north of X", "opposite X"
  bool possessive = false;       // "Herat's", "Afghanistan's"
  bool is_ref = false;           // "the city" resolved through the discourse
  bool dateline = false;
  bool after_locative = false;  // "in X", "at X"
  bool in_paren = false;        // inside an appositive or relative clause
  bool destination_abroad = false;
  bool weak = false;  // "the country", "UK Defence Secretary": a last resort
};

enum class TrigKind : uint8_t { kVerb, kPlaceSubject, kNoun };

struct Trigger {
  uint32_t b = 0, e = 0;
  int action = -1;
  TrigKind kind = TrigKind::kVerb;
  uint8_t form = 0;
  uint16_t flags = 0;  // kEntryArmed, kEntryNeedsPlace, effect override
  uint32_t gap_b = 0, gap_e = 0;
  bool passive = false;
  Modality modality = Modality::kFactual;
  int clause = -1;
  int subject = -1;           // entity index
  std::vector<int> subjects;  // coordinated subjects
  bool subject_inherited = false;
};

enum class ClauseType : uint8_t { kMain, kSubordinate, kRelative, kConditional, kParen };

struct Clause {
  uint32_t b = 0, e = 0;
  ClauseType type = ClauseType::kMain;
  int antecedent_entity = -1;  // relative clauses
  int antecedent_place = -1;
  int date = -1;          // index of a date mention inside it
  int anchor_offset = 0;  // "a day after ..." => -1 relative to the main date
  bool anchored = false;
};

struct SpeechAct {
  uint32_t b = 0, e = 0;  // the speech verb or phrase
  uint32_t content_b = 0, content_e = 0;
  int speaker = -1;  // entity index
  bool denial = false;
  bool hearsay = false;
  bool acknowledge = false;     // confirmed, acknowledged, admitted
  bool responsibility = false;  // "claimed responsibility"
};

struct SentenceAnalysis {
  uint32_t b = 0, e = 0;  // token range
  uint32_t dateline_end = 0;
  std::vector<PhraseMatch> matches;   // sorted by begin
  std::vector<uint32_t> match_start;  // per token (relative to b) + 1: first match index
  std::vector<uint64_t> cue_bits;     // per token (relative to b): cues starting here
  std::vector<Entity> entities;
  std::vector<PlaceMention_> places;
  std::vector<Trigger> triggers;
  std::vector<Clause> clauses;
  std::vector<std::pair<uint32_t, uint32_t>> parens;  // parenthetical token ranges
  std::vector<SpeechAct> speech;
  std::vector<DateMention> dates;
  std::vector<DurationMention> durations;
};

class CoderCore {
 public:
  CoderCore(std::unique_ptr<Dictionary> dict, const NameLexicon* lexicon, CoreOptions options);
  ~CoderCore();

  CodedReport Code(const Report& report) const;
  const Dictionary& dictionary() const { return *dict_; }
  const ActionInfo* Action(std::string_view cameo) const;

 private:
  struct Impl;
  std::unique_ptr<Dictionary> dict_;
  const NameLexicon* lexicon_;
  CoreOptions options_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sitrep::coder

#endif  // SITREP_CODER_CODER_CORE_H_
