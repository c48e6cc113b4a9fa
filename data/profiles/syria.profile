# Syria: the civil war. Several sides hold ground at once; the default holder
# is the government, which held every place before the war.
name: syria
title: Syria
countries: SY
default_holder: Syrian government
capital: Damascus
major_city_population: 100000

side:
  - Syrian government
  - Syrian government forces
  - Syrian army
  - Syrian Arab Army
  - Syrian air force
  - National Defence Forces

side:
  - Syrian rebels
  - Free Syrian Army
  - Syrian National Army
  - Syrian opposition

side:
  - Hayat Tahrir al-Sham
  - HTS
  - Jabhat al-Nusra

side:
  - Islamic State
  - ISIS
  - ISIL

side:
  - Syrian Democratic Forces
  - SDF
  - YPG
