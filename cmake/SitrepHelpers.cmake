# sitrep_library(NAME SOURCES ... DEPS ...): a static library of one module.
function(sitrep_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR}/include
                                          PRIVATE ${PROJECT_SOURCE_DIR}/src)
  target_compile_options(${name} PRIVATE ${SITREP_WARNINGS})
  target_link_libraries(${name} PUBLIC ${ARG_DEPS})
endfunction()

# sitrep_test(NAME SOURCES ... DEPS ...): a GoogleTest binary registered
# with ctest, one ctest test per TEST().
function(sitrep_test name)
  if(NOT SITREP_BUILD_TESTS)
    return()
  endif()
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/include ${PROJECT_SOURCE_DIR}/src)
  target_compile_options(${name} PRIVATE ${SITREP_WARNINGS})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gmock GTest::gtest_main)
  target_compile_definitions(${name} PRIVATE
    SITREP_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    SITREP_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared")
  gtest_discover_tests(${name} DISCOVERY_MODE PRE_TEST
                       WORKING_DIRECTORY ${PROJECT_BINARY_DIR}
                       PROPERTIES ENVIRONMENT "SITREP_GAZETTEER=${SITREP_GAZETTEER_FILE}")
endfunction()

# sitrep_fuzzer(NAME SOURCES ... DEPS ... CORPUS dir): a libFuzzer target.
# With SITREP_BUILD_FUZZ (clang) it is a real fuzzer and ctest runs it for
# SITREP_FUZZ_SECONDS on a copy of its seed corpus. Otherwise the same
# harness is linked to a replay driver that ctest runs over the seed corpus
# and deterministic mutations of it, so every build exercises the harness.
set(SITREP_FUZZ_SECONDS 20 CACHE STRING "Seconds each fuzzer runs under ctest")
function(sitrep_fuzzer name)
  cmake_parse_arguments(ARG "" "CORPUS" "SOURCES;DEPS" ${ARGN})
  if(SITREP_BUILD_FUZZ)
    add_executable(${name} ${ARG_SOURCES})
    target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/include ${PROJECT_SOURCE_DIR}/src)
    target_compile_options(${name} PRIVATE -fsanitize=fuzzer,address,undefined)
    target_link_options(${name} PRIVATE -fsanitize=fuzzer,address,undefined)
    target_link_libraries(${name} PRIVATE ${ARG_DEPS})
    set(work ${PROJECT_BINARY_DIR}/fuzz-corpus/${name})
    add_test(NAME ${name}_brief
             COMMAND ${CMAKE_COMMAND} -E env ASAN_OPTIONS=detect_leaks=1
                     sh -c "mkdir -p '${work}' && cp -r '${ARG_CORPUS}/.' '${work}/' && exec \"$0\" -max_total_time=${SITREP_FUZZ_SECONDS} -rss_limit_mb=2048 -max_len=65536 '${work}'"
                     $<TARGET_FILE:${name}>)
  elseif(SITREP_BUILD_TESTS)
    add_executable(${name}_replay ${ARG_SOURCES} ${PROJECT_SOURCE_DIR}/src/base/fuzz_replay_main.cc)
    target_include_directories(${name}_replay PRIVATE ${PROJECT_SOURCE_DIR}/include ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(${name}_replay PRIVATE ${ARG_DEPS})
    add_test(NAME ${name}_replay COMMAND ${name}_replay ${ARG_CORPUS})
  endif()
endfunction()
