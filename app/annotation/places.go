package annotation

import (
	"strings"
	"sync"
)

// Names that are not people, for speaker guessing (speaker.go): places,
// the words for peoples and nationalities, and titles. The lists are
// English and deliberately short (every reader downloads them): the
// countries and territories, the continents, regions and seas, the US
// states and the world's large and capital cities that news names most.
// A place the list lacks is still told by its context ("in Langstrasse").
// They are split into sets on first use, when a claim card first asks.

const placeList = `
afghanistan|albania|algeria|andorra|angola|antigua|argentina|armenia|australia|austria|azerbaijan|bahamas|bahrain|
bangladesh|barbados|belarus|belgium|belize|benin|bhutan|bolivia|bosnia|bosnia and herzegovina|botswana|brazil|brunei|
bulgaria|burkina faso|burundi|cambodia|cameroon|canada|cape verde|chad|chile|china|colombia|comoros|congo|costa rica|
croatia|cuba|cyprus|czechia|czech republic|denmark|djibouti|dominica|dominican republic|ecuador|egypt|el salvador|
eritrea|estonia|eswatini|ethiopia|fiji|finland|france|gabon|gambia|georgia|germany|ghana|greece|grenada|guatemala|
guinea|guyana|haiti|honduras|hungary|iceland|india|indonesia|iran|iraq|ireland|israel|italy|ivory coast|jamaica|
japan|jordan|kazakhstan|kenya|kiribati|kosovo|kuwait|kyrgyzstan|laos|latvia|lebanon|lesotho|liberia|libya|
liechtenstein|lithuania|luxembourg|madagascar|malawi|malaysia|maldives|mali|malta|mauritania|mauritius|mexico|
micronesia|moldova|monaco|mongolia|montenegro|morocco|mozambique|myanmar|burma|namibia|nauru|nepal|netherlands|holland|
new zealand|nicaragua|niger|nigeria|north korea|north macedonia|norway|oman|pakistan|palau|palestine|panama|
papua new guinea|paraguay|peru|philippines|poland|portugal|qatar|romania|russia|rwanda|samoa|san marino|saudi arabia|
senegal|serbia|seychelles|sierra leone|singapore|slovakia|slovenia|somalia|south africa|south korea|korea|south sudan|
spain|sri lanka|sudan|suriname|sweden|switzerland|syria|taiwan|tajikistan|tanzania|thailand|timor-leste|togo|tonga|
trinidad|tunisia|turkey|türkiye|turkmenistan|tuvalu|uganda|ukraine|united arab emirates|uae|united kingdom|uk|britain|
great britain|england|scotland|wales|northern ireland|united states|united states of america|us|usa|america|uruguay|
uzbekistan|vanuatu|vatican|venezuela|vietnam|yemen|zambia|zimbabwe|hong kong|macau|tibet|xinjiang|crimea|gaza|
west bank|greenland|puerto rico|guam|
africa|asia|europe|antarctica|oceania|north america|south america|latin america|central america|the americas|
middle east|the middle east|near east|far east|east asia|south asia|southeast asia|central asia|the gulf|gulf|
the west|west|the east|east|the north|north|the south|south|global south|balkans|caucasus|baltics|scandinavia|
mediterranean|pacific|atlantic|arctic|indian ocean|south china sea|east china sea|black sea|red sea|caribbean|
sahel|siberia|himalayas|alps|amazon|eurozone|european union|eu|
alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|hawaii|idaho|illinois|indiana|
iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota|mississippi|missouri|montana|
nebraska|nevada|new hampshire|new jersey|new mexico|new york|north carolina|north dakota|ohio|oklahoma|oregon|
pennsylvania|rhode island|south carolina|south dakota|tennessee|texas|utah|vermont|virginia|west virginia|
wisconsin|wyoming|
beijing|shanghai|hong kong|shenzhen|guangzhou|wuhan|taipei|tokyo|osaka|seoul|pyongyang|manila|jakarta|bangkok|
hanoi|ho chi minh city|kuala lumpur|delhi|new delhi|mumbai|kolkata|bangalore|islamabad|karachi|lahore|kabul|
dhaka|kathmandu|colombo|tehran|baghdad|damascus|beirut|amman|riyadh|jeddah|doha|dubai|abu dhabi|muscat|
jerusalem|tel aviv|cairo|istanbul|ankara|athens|rome|milan|madrid|barcelona|lisbon|paris|marseille|brussels|
amsterdam|the hague|berlin|munich|frankfurt|hamburg|vienna|zurich|zürich|geneva|bern|prague|warsaw|budapest|
bucharest|sofia|belgrade|zagreb|kyiv|kiev|kharkiv|odesa|moscow|st petersburg|minsk|vilnius|riga|tallinn|
helsinki|stockholm|oslo|copenhagen|reykjavik|dublin|london|manchester|birmingham|edinburgh|glasgow|cardiff|
belfast|washington|washington dc|new york city|los angeles|chicago|houston|boston|san francisco|seattle|miami|
atlanta|dallas|philadelphia|detroit|las vegas|ottawa|toronto|montreal|vancouver|mexico city|havana|bogota|
bogotá|caracas|lima|santiago|buenos aires|brasilia|brasília|sao paulo|são paulo|rio de janeiro|nairobi|lagos|
abuja|addis ababa|johannesburg|cape town|pretoria|kinshasa|khartoum|tripoli|tunis|algiers|rabat|casablanca|
dakar|accra|sydney|melbourne|canberra|auckland|wellington|singapore|davos|brexit`

// peopleList holds the words for peoples and nationalities, which begin
// a speaker's description ("Chinese Foreign Minister Qin Gang") but are
// never one.
const peopleList = `
afghan|african|american|arab|argentine|argentinian|asian|australian|austrian|belgian|brazilian|british|
canadian|chilean|chinese|colombian|cuban|czech|danish|dutch|egyptian|english|ethiopian|european|filipino|
finnish|french|german|greek|hungarian|indian|indonesian|iranian|iraqi|irish|israeli|italian|japanese|
jordanian|kenyan|korean|kurdish|latin|lebanese|libyan|malaysian|mexican|moroccan|nigerian|north korean|
norwegian|pakistani|palestinian|persian|peruvian|polish|portuguese|qatari|romanian|russian|saudi|scottish|
serbian|singaporean|south african|south korean|soviet|spanish|sudanese|swedish|swiss|syrian|taiwanese|thai|
tibetan|turkish|ukrainian|venezuelan|vietnamese|welsh|western|eastern|northern|southern|yemeni|
white house|kremlin|pentagon|downing street|capitol hill|wall street|silicon valley|whitehall|westminster`

// titleList holds the words of titles and offices, which come before a
// name ("US Secretary of State Antony Blinken", "Dr Ada Lovelace") and
// are not one on their own ("the President said").
const titleList = `
secretary|minister|president|vice|prime|premier|chancellor|governor|senator|sen|congressman|congresswoman|
representative|rep|mayor|ambassador|envoy|general|gen|admiral|colonel|col|captain|capt|lieutenant|sergeant|
commander|director|chief|spokesperson|spokesman|spokeswoman|adviser|advisor|king|queen|prince|princess|
emperor|pope|cardinal|archbishop|bishop|rabbi|imam|reverend|rev|judge|justice|magistrate|prosecutor|attorney|
professor|prof|dr|doctor|mr|mrs|ms|miss|mx|sir|dame|lord|lady|chair|chairman|chairwoman|chairperson|ceo|cfo|
founder|president-elect|deputy|commissioner|officer|leader|speaker|whip|sheikh`

// portfolioWords follow "of" in a title ("Secretary of State", "Minister
// of Foreign Affairs") and belong to it.
const portfolioList = `state|defence|defense|foreign|affairs|health|finance|justice|education|energy|trade|commerce|
interior|treasury|labor|labour|agriculture|transport|transportation|housing|environment|the|economy|culture|
industry|security|homeland|veterans|war|staff|police|science|technology|the exchequer|exchequer|commons|lords`

var (
	nameSetsOnce                           sync.Once
	placeSet, peopleSet, titleSet, portSet map[string]bool
)

func nameSets() {
	nameSetsOnce.Do(func() {
		split := func(list string) map[string]bool {
			m := map[string]bool{}
			for _, s := range strings.Split(strings.ReplaceAll(list, "\n", ""), "|") {
				if s = strings.TrimSpace(s); s != "" {
					m[s] = true
				}
			}
			return m
		}
		placeSet, peopleSet = split(placeList), split(peopleList)
		titleSet, portSet = split(titleList), split(portfolioList)
	})
}

// isPlaceName reports whether name is a place, or a people or
// nationality, in the lists.
func isPlaceName(name string) bool {
	nameSets()
	n := strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(name, "the "), "The "))
	return placeSet[n] || peopleSet[n]
}

// isTitleWord reports whether w is a word of a title or office.
func isTitleWord(w string) bool {
	nameSets()
	return titleSet[strings.ToLower(strings.TrimSuffix(w, "."))]
}

// isPortfolioWord reports whether w may follow "of" in a title.
func isPortfolioWord(w string) bool {
	nameSets()
	return portSet[strings.ToLower(w)]
}
