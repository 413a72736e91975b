/** Name pools for sample data: mostly French, some English, with the accents real registries have. */
export const FIRST_NAMES = [
  'Hélène', 'Élodie', 'Camille', 'Léa', 'Chloé', 'Manon', 'Inès', 'Zoé', 'Anaïs', 'Margaux', 'Céline', 'Sylvie',
  'Françoise', 'Geneviève', 'Noémie', 'Maëlle', 'Agnès', 'Bérénice', 'Solène', 'Amélie', 'Jérôme', 'François',
  'Stéphane', 'Loïc', 'Grégoire', 'Benoît', 'Hervé', 'Rémi', 'Théo', 'Mathéo', 'Noé', 'Raphaël', 'Gaël', 'Joël',
  'Mehdi', 'Karim', 'Yasmine', 'Fatou', 'Aïcha', 'Moussa', 'Nguyen', 'Linh', 'Pierre', 'Jean', 'Marie', 'Louise',
  'Lucas', 'Hugo', 'Nathan', 'Paul', 'Julie', 'Sarah', 'Emma', 'Alice', 'Thomas', 'Nicolas', 'Claire', 'Anne',
  'Olivia', 'Amelia', 'Isla', 'Ava', 'Oliver', 'George', 'Harry', 'Jack', 'Charlotte', 'Emily', 'James', 'William',
  'Sophie', 'Grace', 'Daniel', 'Samuel', 'Ruth', 'Eleanor', 'Patrick', 'Siobhán', 'Seán', 'Niamh',
] as const;

export const LAST_NAMES = [
  'Dupré', 'Lefèvre', 'Mercier', 'Fournier', 'Girard', 'Bonnet', 'Dupont', 'Lambert', 'Fontaine', 'Rousseau',
  'Vincent', 'Muller', 'Lefebvre', 'Faure', 'André', 'Gauthier', 'Garnier', 'Chevalier', 'François', 'Légaré',
  'Bélanger', 'Côté', 'Gagné', 'Thériault', 'Pelletier', 'Benoît', 'Barbier', 'Brun', 'Roux', 'Morel', 'Blanc',
  'Guérin', 'Boyer', 'Perrin', 'Clément', 'Moreau', 'Laurent', 'Simon', 'Michel', 'Leroy', 'Martin', 'Bernard',
  'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Dubois', 'Diallo', 'Traoré', 'Ben Ahmed', 'Nguyen', 'Da Silva',
  'Ferreira', 'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Evans', 'Davies', 'O’Brien', 'Murphy',
  'Kelly', 'Walsh', 'Hughes', 'Edwards', 'Lévêque', 'Lacroix', 'de la Tour', 'Saint-Cyr', 'Le Goff', 'Kerbrat',
] as const;

export const CITIES = [
  ['Lyon', '69003'], ['Villeurbanne', '69100'], ['Paris', '75011'], ['Paris', '75018'], ['Montreuil', '93100'],
  ['Marseille', '13005'], ['Nantes', '44000'], ['Rennes', '35000'], ['Lille', '59000'], ['Roubaix', '59100'],
  ['Toulouse', '31000'], ['Bordeaux', '33000'], ['Grenoble', '38000'], ['Saint-Étienne', '42000'],
  ['Besançon', '25000'], ['Nîmes', '30000'], ['Orléans', '45000'], ['Évry-Courcouronnes', '91000'],
  ['Clermont-Ferrand', '63000'], ['Strasbourg', '67000'], ['Brest', '29200'], ['London', 'E8 1DY'],
  ['Manchester', 'M1 2AB'], ['Dublin', 'D08 X2A3'],
] as const;

export const INTERESTS = ['écoute', 'jardinage', 'cuisine', 'informatique', 'lecture', 'sport', 'musique', 'photographie', 'théâtre', 'randonnée', 'peer support', 'mentoring'] as const;
export const LANGUAGES = ['français', 'anglais', 'espagnol', 'arabe', 'portugais', 'allemand', 'wolof', 'vietnamien', 'LSF'] as const;
export const STATUS_REASONS = ['déménagement', 'raisons de santé', 'reprise d’études', 'nouvel emploi', 'pause familiale'] as const;
