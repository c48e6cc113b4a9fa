# Ukraine, 2022: the Russian invasion. The default holder is Ukraine; places
# Russia held before the invasion (Crimea, parts of Donetsk and Luhansk) come
# from reports like every other change, never from this file.
name: ukraine-2022
title: Ukraine, 2022
countries: UA
default_holder: Ukraine
capital: Kyiv
major_city_population: 100000

side:
  - Ukraine
  - Ukrainian forces
  - Ukrainian army
  - Armed Forces of Ukraine
  - Ukrainian government
  - Ukrainian air force
  - Territorial Defence Forces

side:
  - Russia
  - Russian forces
  - Russian army
  - Russian air force
  - Wagner Group
  - Donetsk People's Republic
  - Luhansk People's Republic
