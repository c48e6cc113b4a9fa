# Sudan, 2023: the war between the army and the Rapid Support Forces. The
# army-led government held every place before the war.
name: sudan-2023
title: Sudan, 2023
countries: SD
default_holder: Sudanese Armed Forces
capital: Khartoum
major_city_population: 100000

side:
  - Sudanese Armed Forces
  - Sudanese government
  - Sudanese army
  - Sudanese air force

side:
  - Rapid Support Forces
  - RSF
