/**
 * Invented names for the demo day, in the mix of nationalities an expat centre in Maastricht sees.
 * Each family name comes with the nationality category of the family.
 */
import type { NationalityCategory } from '../../../shared/domain/codes';

export interface DemoFamilyName {
  familyName: string;
  givenNames: readonly string[];
  category: NationalityCategory;
}

export const DEMO_FAMILY_NAMES: readonly DemoFamilyName[] = [
  { familyName: 'Sharma', givenNames: ['Priya', 'Arjun', 'Ananya', 'Rohan', 'Kavya'], category: 'other' },
  { familyName: 'Chen', givenNames: ['Wei', 'Lin', 'Mei', 'Jun', 'Xiu'], category: 'other' },
  { familyName: 'Okafor', givenNames: ['Chinedu', 'Ngozi', 'Ifeanyi', 'Adaeze'], category: 'other' },
  { familyName: 'Silva', givenNames: ['Lucas', 'Mariana', 'Gabriel', 'Beatriz'], category: 'other' },
  { familyName: 'Kowalski', givenNames: ['Piotr', 'Anna', 'Zofia', 'Jakub'], category: 'eu-eea-ch' },
  { familyName: 'Müller', givenNames: ['Jonas', 'Lena', 'Felix', 'Mia'], category: 'eu-eea-ch' },
  { familyName: 'Rossi', givenNames: ['Giulia', 'Marco', 'Sofia', 'Luca'], category: 'eu-eea-ch' },
  { familyName: 'Dubois', givenNames: ['Camille', 'Louis', 'Chloé', 'Hugo'], category: 'eu-eea-ch' },
  { familyName: 'Nakamura', givenNames: ['Haruto', 'Yui', 'Sota', 'Hina'], category: 'other' },
  { familyName: 'Hernández', givenNames: ['Alejandro', 'Valentina', 'Mateo', 'Camila'], category: 'other' },
  { familyName: 'Kim', givenNames: ['Min-jun', 'Seo-yeon', 'Ji-ho', 'Ha-eun'], category: 'other' },
  { familyName: 'Popescu', givenNames: ['Andrei', 'Elena', 'Ioana', 'Mihai'], category: 'eu-eea-ch' },
  { familyName: 'Haddad', givenNames: ['Omar', 'Layla', 'Yusuf', 'Nour'], category: 'eu-family-member' },
  { familyName: 'Ivanenko', givenNames: ['Olena', 'Dmytro', 'Sofiia', 'Taras'], category: 'other' },
  { familyName: 'Mensah', givenNames: ['Kwame', 'Akosua', 'Kofi', 'Ama'], category: 'eu-family-member' },
  { familyName: 'Patel', givenNames: ['Rahul', 'Neha', 'Ishaan', 'Diya'], category: 'other' },
  { familyName: 'Yılmaz', givenNames: ['Emre', 'Elif', 'Can', 'Zeynep'], category: 'other' },
  { familyName: 'Andersson', givenNames: ['Erik', 'Astrid', 'Nils', 'Ebba'], category: 'eu-eea-ch' },
  { familyName: 'Santos', givenNames: ['João', 'Ana', 'Pedro', 'Inês'], category: 'eu-family-member' },
  { familyName: 'Abebe', givenNames: ['Dawit', 'Hanna', 'Samuel', 'Liya'], category: 'other' },
  { familyName: 'Novák', givenNames: ['Tomáš', 'Tereza', 'Jan', 'Eliška'], category: 'eu-eea-ch' },
  { familyName: 'Rahman', givenNames: ['Tanvir', 'Nusrat', 'Arif', 'Sadia'], category: 'other' },
  { familyName: 'Oliveira', givenNames: ['Rafael', 'Larissa', 'Thiago', 'Bianca'], category: 'other' },
  { familyName: 'Nguyen', givenNames: ['Minh', 'Linh', 'Huy', 'Trang'], category: 'other' },
];
