import { isFunctionWord, isLexiconWord, isCommonWord } from '../src/lexicon/words.ts';
import { curatedCompany } from '../src/lexicon/aliases.ts';
console.log(isFunctionWord('general'), isLexiconWord('general'), isCommonWord('general'), curatedCompany('general electric'));
