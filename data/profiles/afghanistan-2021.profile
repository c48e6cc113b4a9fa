# Afghanistan, 2021: the Taliban offensive against the Afghan government.
# Sides, and who holds a place before any report says otherwise. Outcomes and
# dates come from the reports alone, never from this file.
name: afghanistan-2021
title: Afghanistan, 2021
countries: AF
default_holder: Afghan government
capital: Kabul
major_city_population: 100000

side:
  - Afghan government
  - Afghan government forces
  - Afghan security forces
  - Afghan National Army
  - Afghan army
  - Afghan police
  - Afghan National Police
  - Afghan air force
  - Afghan special forces
  - Afghan commandos
  - Afghan local police
  - pro-government militia
  # Foreign forces that fought beside the government (air strikes, the
  # airport) count with its side, not as a third party contesting places.
  - United States
  - United Kingdom
  - NATO

side:
  - Taliban
