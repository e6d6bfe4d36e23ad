/**
 * Every supported fixture page, with what a reader should see in the panel's
 * "On this page" section and its links. Shared by the E2E tests and the
 * screenshot run. Facts are from tests/fixtures/PAGES.md.
 */
export interface FixturePage {
  /** File name for its screenshot. */
  name: string;
  url: string;
  badge: 'Petition' | 'Consultation' | 'Hansard debate';
  title: string;
  facts: Record<string, string>;
  /** Link-group headings and the labels listed under each. */
  links: Record<string, string[]>;
}

const WH_DEBATE =
  'https://hansard.parliament.uk/Commons/2026-11-16/debates/6E2B1C4A-9D3F-4B7E-A1C5-2F8D0E4B9A71/SpecialEducationalNeedsAndDisabilitiesFunding';
const STATEMENT =
  'https://hansard.parliament.uk/Commons/2022-03-29/debates/BA5ECF7C-E120-4602-8BCF-6DB70D9CFF40/SpecialEducationalNeedsAndDisabilitiesReview';

export const FIXTURE_PAGES: FixturePage[] = [
  {
    name: 'petition-archived-senco',
    url: 'https://petition.parliament.uk/archived/petitions/591092',
    badge: 'Petition',
    title: 'Require School SENCOs to be fully qualified for the role.',
    facts: {
      'Petition number': '591092',
      State: 'Closed',
      Parliament: 'Archived, 2019-2024 Parliament',
      Signatures: '13,168',
      'Government response': 'Responded on 29 September 2021',
      Debate: 'Not debated',
    },
    links: {
      'Consultations (1)': ['Consultation: send review right support right place right time'],
      'Hansard debates (1)': [
        'Hansard: Special Educational Needs And Disabilities Review (2022-03-29)',
      ],
    },
  },
  {
    name: 'petition-open',
    url: 'https://petition.parliament.uk/petitions/701234',
    badge: 'Petition',
    title: 'Give schools ring-fenced funding to meet the needs of every pupil with SEND',
    facts: {
      'Petition number': '701234',
      State: 'Open',
      Signatures: '8,213',
      'Government response': 'No response on this page',
      Debate: 'Not debated',
    },
    links: {
      'Petitions (1)': ['Petition 591092'],
      'Consultations (1)': ['Consultation: sen workforce training standards'],
    },
  },
  {
    name: 'petition-debated',
    url: 'https://petition.parliament.uk/petitions/654321',
    badge: 'Petition',
    title: 'Fully fund Education, Health and Care Plans for children and young people with SEND',
    facts: {
      'Petition number': '654321',
      State: 'Closed',
      Signatures: '118,407',
      'Government response': 'Responded on 15 April 2026',
      Debate:
        'Debated on 16 November 2026Watch the debate on youtube.comRead the transcript of the debateRead the research used for the debateRead what the public saidRead a summary of the debate',
    },
    links: { 'Hansard debates (1)': ['Read the transcript of the debate'] },
  },
  {
    name: 'petition-rejected',
    url: 'https://petition.parliament.uk/petitions/702222',
    badge: 'Petition',
    title: 'Ring-fence school budgets for special educational needs support',
    facts: { 'Petition number': '702222', State: 'Rejected' },
    links: { 'Petitions (1)': ['Petition 701234'] },
  },
  {
    name: 'petition-open-responded',
    url: 'https://petition.parliament.uk/petitions/742316',
    badge: 'Petition',
    title: 'Make autism training mandatory for all teachers and school support staff',
    facts: {
      'Petition number': '742316',
      State: 'Open',
      Signatures: '23,611',
      'Government response': 'Responded on 8 October 2026',
      Debate: 'Not debated',
    },
    links: {},
  },
  {
    name: 'petition-debated-outcome-pending',
    url: 'https://petition.parliament.uk/petitions/738842',
    badge: 'Petition',
    title: 'Give every SENCO protected time in the school week to do their job',
    facts: {
      State: 'Closed',
      'Government response': 'Responded on 1 April 2026',
      Debate: 'Debated on 23 November 2026',
    },
    links: {},
  },
  {
    name: 'petition-not-debated',
    url: 'https://petition.parliament.uk/petitions/729114',
    badge: 'Petition',
    title: 'Give every pupil who needs it speech and language therapy at school',
    facts: {
      State: 'Closed',
      Signatures: '104,880',
      Debate: 'Parliament decided not to debate it',
    },
    links: {},
  },
  {
    name: 'petition-closing-for-dissolution',
    url: 'https://petition.parliament.uk/petitions/745902',
    badge: 'Petition',
    title: 'Guarantee every deaf child the support of a qualified teacher of the deaf',
    facts: {
      State: 'Open',
      Signatures: '3,482',
      'Government response': 'No response on this page',
    },
    links: {},
  },
  {
    name: 'petition-archived-debated',
    url: 'https://petition.parliament.uk/archived/petitions/612580',
    badge: 'Petition',
    title: 'Fund more special school places so no child waits for a suitable school',
    facts: {
      State: 'Closed',
      Parliament: 'Archived, 2019-2024 Parliament',
      Debate:
        'Debated on 13 June 2022Watch the debate on parliamentlive.tvRead the transcript of the debateRead the research used for the debate',
    },
    links: {},
  },
  {
    name: 'consultation-open',
    url: 'https://www.gov.uk/government/consultations/sen-workforce-training-standards',
    badge: 'Consultation',
    title: 'SEN workforce: training standards for SENCOs and support staff',
    facts: { State: 'Open', Closes: '20 December 2026', Organisation: 'Department for Education' },
    links: {
      'Consultations (1)': ['SEND review: right support, right place, right time'],
      'Hansard debates (1)': ['read the debate in Hansard'],
    },
  },
  {
    name: 'consultation-open-welsh',
    url: 'https://www.gov.uk/government/consultations/sen-workforce-training-standards.cy',
    badge: 'Consultation',
    title: 'Gweithlu AAA: safonau hyfforddi ar gyfer CydAAA a staff cymorth',
    facts: { State: 'Open', Closes: '20 December 2026', Language: 'Welsh (Cymraeg)' },
    links: { 'Hansard debates (1)': ['darllenwch y drafodaeth yn Hansard'] },
  },
  {
    name: 'consultation-closed',
    url: 'https://www.gov.uk/government/consultations/alternative-provision-funding-review',
    badge: 'Consultation',
    title: 'Alternative provision funding review',
    facts: {
      State: 'Closed, awaiting outcome',
      Opens: '7 April 2026',
      Closes: '30 June 2026',
      Organisations:
        'Department for EducationMinistry of Housing, Communities and Local Government',
    },
    links: { 'Petitions (1)': ['e-petition 654321'] },
  },
  {
    name: 'consultation-outcome',
    url: 'https://www.gov.uk/government/consultations/send-review-right-support-right-place-right-time',
    badge: 'Consultation',
    title: 'SEND review: right support, right place, right time',
    facts: { State: 'Outcome published', Opens: '29 March 2022', Closes: '22 July 2022' },
    links: {
      'Petitions (1)': ['Require School SENCOs to be fully qualified for the role'],
      'Hansard debates (1)': ['oral statement to Parliament'],
    },
  },
  {
    name: 'consultation-unopened',
    url: 'https://www.gov.uk/government/consultations/gda-of-hitachi-ge-nuclear-energy-ltds-uk-advanced-boiling-water-reactor',
    badge: 'Consultation',
    title: 'GDA of Hitachi-GE Nuclear Energy Ltd’s UK Advanced Boiling Water Reactor',
    facts: {
      State: 'Not yet open',
      Opens: '5 October 2200',
      Closes: '31 October 2210',
      Organisation: 'Environment Agency',
    },
    links: {},
  },
  {
    name: 'consultation-unopened-without-description',
    url: 'https://www.gov.uk/government/consultations/send-tribunal-single-route-of-redress',
    badge: 'Consultation',
    title: 'SEND Tribunal: a single route of redress',
    // Without a description the summary banner is not drawn: the notice's opening date is all.
    facts: {
      State: 'Not yet open',
      Opens: '11 January 2027',
      Organisation: 'Department for Education',
    },
    links: {},
  },
  {
    name: 'consultation-withdrawn',
    url: 'https://www.gov.uk/government/consultations/postgraduate-doctoral-loans',
    badge: 'Consultation',
    title: 'Postgraduate doctoral loans',
    facts: {
      State: 'Withdrawn',
      Closes: '16 December 2216',
      Withdrawn: '12 November 2016',
      Organisation: 'Department for Education',
    },
    links: {},
  },
  {
    name: 'consultation-outcome-without-feedback',
    url: 'https://www.gov.uk/government/consultations/employee-share-schemes-nic-elections',
    badge: 'Consultation',
    title: 'Employee Share Schemes: NIC elections',
    facts: {
      State: 'Outcome published',
      Opens: '20 April 2016',
      Closes: '13 July 2016',
      Organisation: 'HM Revenue & Customs',
    },
    links: {},
  },
  {
    name: 'debate-chamber-statement',
    url: STATEMENT,
    badge: 'Hansard debate',
    title: 'Special Educational Needs and Disabilities Review',
    facts: {
      House: 'House of Commons',
      'Sitting date': '29 March 2022',
      Location: 'Commons Chamber',
      'E-petitions mentioned': '591092',
    },
    links: {
      'Consultations (1)': ['Consultation: send review right support right place right time'],
    },
  },
  {
    name: 'debate-westminster-hall',
    url: WH_DEBATE,
    badge: 'Hansard debate',
    title: 'Special Educational Needs and Disabilities Funding',
    facts: {
      House: 'House of Commons',
      'Sitting date': '16 November 2026',
      Location: 'Westminster Hall',
      'E-petitions mentioned': '654321701234591092',
    },
    links: {},
  },
  {
    name: 'debate-lords-chamber',
    url: 'https://hansard.parliament.uk/Lords/2026-11-18/debates/3F6A2B1C-7D8E-4F90-A1B2-C3D4E5F60718/SpecialEducationalNeedsTeacherTraining',
    badge: 'Hansard debate',
    title: 'Special Educational Needs: Teacher Training',
    facts: {
      House: 'House of Lords',
      'Sitting date': '18 November 2026',
      Location: 'Lords Chamber',
      'E-petitions mentioned': 'None',
    },
    links: {},
  },
  {
    name: 'debate-grand-committee',
    url: 'https://hansard.parliament.uk/Lords/2026-11-19/debates/4A7B3C2D-8E9F-4A01-B2C3-D4E5F6071829/SpecialEducationalNeedsAndDisability(Amendment)Regulations2026',
    badge: 'Hansard debate',
    title: 'Special Educational Needs and Disability (Amendment) Regulations 2026',
    facts: {
      House: 'House of Lords',
      'Sitting date': '19 November 2026',
      Location: 'Grand Committee',
    },
    links: {},
  },
  {
    name: 'debate-written-statement',
    url: 'https://hansard.parliament.uk/Commons/2026-11-20/debates/5B8C4D3E-9F0A-4B12-C3D4-E5F60718293A/SpecialEducationalNeedsAndDisabilitiesLocalInclusionPlans',
    badge: 'Hansard debate',
    title: 'Special Educational Needs and Disabilities: Local Inclusion Plans',
    facts: {
      House: 'House of Commons',
      'Sitting date': '20 November 2026',
      Location: 'Written Statements',
      'E-petitions mentioned': '654321',
    },
    links: {},
  },
  {
    name: 'debate-parent-with-children',
    url: 'https://hansard.parliament.uk/Commons/2026-11-23/debates/6C9D5E4F-0A1B-4C23-D4E5-F60718293A4B/OralAnswersToQuestions',
    badge: 'Hansard debate',
    title: 'Oral Answers to Questions',
    facts: {
      House: 'House of Commons',
      'Sitting date': '23 November 2026',
      Location: 'Commons Chamber',
    },
    links: {},
  },
  {
    // The real 2022 capture, trimmed (PAGES.md): the site header's h1 "Hansard" comes first.
    name: 'debate-real-2022',
    url: 'https://hansard.parliament.uk/Commons/2022-06-22/debates/1825FDB2-5C11-4579-B1DA-94B80654D983/OralAnswersToQuestions',
    badge: 'Hansard debate',
    title: 'Oral Answers to Questions',
    facts: {
      House: 'House of Commons',
      'Sitting date': '22 June 2022',
      Location: 'Commons Chamber',
      'E-petitions mentioned': 'None',
    },
    links: {},
  },
  {
    // The real 1975 capture, trimmed (PAGES.md): lower-case GUID, members without links.
    name: 'debate-historic',
    url: 'https://hansard.parliament.uk/Commons/1975-01-14/debates/e0279e7f-6655-463f-ae5a-e39aa443a117/OralAnswersToQuestions',
    badge: 'Hansard debate',
    title: 'Oral Answers To Questions',
    facts: {
      House: 'House of Commons',
      'Sitting date': '14 January 1975',
      Location: 'Commons Chamber',
      'E-petitions mentioned': 'None',
    },
    links: {},
  },
  // The other subjects of the relevance set (tests/fixtures/relevance.json `subjects`): their
  // debates and consultations, generated by tests/fixtures/tools/subject_fixtures.py (PAGES.md).
  {
    name: 'debate-food-banks-funding',
    url: 'https://hansard.parliament.uk/Commons/2026-10-12/debates/64DFC26B-1F2C-55FC-BFED-C3AA5060A413/FoodBanksFunding',
    badge: 'Hansard debate',
    title: 'Food Banks: Funding',
    facts: {
      House: 'House of Commons',
      'Sitting date': '12 October 2026',
      Location: 'Westminster Hall',
      'E-petitions mentioned': '760101',
    },
    links: {},
  },
  {
    name: 'debate-food-banks-surplus-food',
    url: 'https://hansard.parliament.uk/Lords/2026-11-05/debates/D7F7F080-8712-53CC-9ADC-BDB94F626069/FoodBanksSurplusFood',
    badge: 'Hansard debate',
    title: 'Food Banks: Surplus Food',
    facts: {
      House: 'House of Lords',
      'Sitting date': '5 November 2026',
      Location: 'Lords Chamber',
      'E-petitions mentioned': 'None',
    },
    links: {},
  },
  {
    name: 'consultation-food-insecurity-support-for-food-banks',
    url: 'https://www.gov.uk/government/consultations/food-insecurity-support-for-food-banks',
    badge: 'Consultation',
    title: 'Tackling food insecurity: support for food banks and community food providers',
    facts: {
      State: 'Closed, awaiting outcome',
      Opens: '1 September 2026',
      Closes: '24 November 2026',
      Organisation: 'Department for Environment, Food & Rural Affairs',
    },
    links: {},
  },
  {
    name: 'debate-north-sea-oil-drilling',
    url: 'https://hansard.parliament.uk/Commons/2026-09-14/debates/1BE93E60-CB9D-5791-9A1B-E2350ED7BD54/NorthSeaOilDrilling',
    badge: 'Hansard debate',
    title: 'North Sea Oil Drilling',
    facts: {
      House: 'House of Commons',
      'Sitting date': '14 September 2026',
      Location: 'Westminster Hall',
      'E-petitions mentioned': '760201',
    },
    links: {},
  },
  {
    name: 'debate-onshore-oil-drilling-national-parks',
    url: 'https://hansard.parliament.uk/Commons/2026-10-08/debates/4414B436-6D74-5657-A1DD-55AFBF604D90/OnshoreOilDrillingNationalParks',
    badge: 'Hansard debate',
    title: 'Onshore Oil Drilling: National Parks',
    facts: {
      House: 'House of Commons',
      'Sitting date': '8 October 2026',
      Location: 'Commons Chamber',
      'E-petitions mentioned': 'None',
    },
    links: {},
  },
  {
    name: 'consultation-north-sea-oil-and-gas-drilling-consents',
    url: 'https://www.gov.uk/government/consultations/north-sea-oil-and-gas-drilling-consents',
    badge: 'Consultation',
    title: 'North Sea oil and gas: drilling consents and decommissioning',
    facts: {
      State: 'Closed, awaiting outcome',
      Opens: '6 July 2026',
      Closes: '28 September 2026',
      Organisation: 'Department for Business and Trade',
    },
    links: {},
  },
  {
    name: 'debate-plant-health-tree-diseases',
    url: 'https://hansard.parliament.uk/Lords/2026-10-14/debates/EF99E7C4-D735-588E-BA20-9D0E527A6D4A/PlantHealthTreeDiseases',
    badge: 'Hansard debate',
    title: 'Plant Health: Tree Diseases',
    facts: {
      House: 'House of Lords',
      'Sitting date': '14 October 2026',
      Location: 'Lords Chamber',
      'E-petitions mentioned': '760301',
    },
    links: {},
  },
  {
    name: 'debate-ash-dieback-and-tree-diseases',
    url: 'https://hansard.parliament.uk/Commons/2026-11-10/debates/818C6CBE-6047-571B-BF56-E13055728CC7/AshDiebackAndTreeDiseases',
    badge: 'Hansard debate',
    title: 'Ash Dieback and Tree Diseases',
    facts: {
      House: 'House of Commons',
      'Sitting date': '10 November 2026',
      Location: 'Westminster Hall',
      'E-petitions mentioned': 'None',
    },
    links: {},
  },
  {
    name: 'consultation-plant-health-import-controls-for-trees-and-plants',
    url: 'https://www.gov.uk/government/consultations/plant-health-import-controls-for-trees-and-plants',
    badge: 'Consultation',
    title: 'Plant health: import controls for trees and plants',
    facts: {
      State: 'Open',
      Closes: '22 March 2027',
      Organisation: 'Department for Environment, Food & Rural Affairs',
    },
    links: {},
  },
  {
    name: 'debate-energy-bills-prepayment-meters',
    url: 'https://hansard.parliament.uk/Commons/2026-11-02/debates/28A23BC0-29E0-580E-805A-7F10DD347A1E/EnergyBillsPrepaymentMeters',
    badge: 'Hansard debate',
    title: 'Energy Bills: Prepayment Meters',
    facts: {
      House: 'House of Commons',
      'Sitting date': '2 November 2026',
      Location: 'Westminster Hall',
      'E-petitions mentioned': '760401',
    },
    links: {},
  },
  {
    name: 'debate-energy-bills-forced-prepayment-meters',
    url: 'https://hansard.parliament.uk/Commons/2026-11-12/debates/843579C6-B753-551D-AF41-52BD89AA94FD/EnergyBillsForcedPrepaymentMeters',
    badge: 'Hansard debate',
    title: 'Energy Bills: Forced Prepayment Meters',
    facts: {
      House: 'House of Commons',
      'Sitting date': '12 November 2026',
      Location: 'Commons Chamber',
      'E-petitions mentioned': 'None',
    },
    links: {},
  },
  {
    name: 'consultation-energy-bills-support-prepayment-meters',
    url: 'https://www.gov.uk/government/consultations/energy-bills-support-prepayment-meters',
    badge: 'Consultation',
    title: 'Energy bills support for households on prepayment meters',
    facts: {
      State: 'Closed, awaiting outcome',
      Opens: '7 September 2026',
      Closes: '30 November 2026',
      Organisation: 'Department for Business and Trade',
    },
    links: {},
  },
  {
    name: 'debate-care-homes-visiting-rights',
    url: 'https://hansard.parliament.uk/Commons/2026-10-19/debates/E68429E1-493C-5788-A622-8EDCD62EA54E/CareHomesVisitingRights',
    badge: 'Hansard debate',
    title: 'Care Homes: Visiting Rights',
    facts: {
      House: 'House of Commons',
      'Sitting date': '19 October 2026',
      Location: 'Westminster Hall',
      'E-petitions mentioned': '760501',
    },
    links: {},
  },
  {
    name: 'debate-care-homes-staffing',
    url: 'https://hansard.parliament.uk/Lords/2026-11-03/debates/C02ED46E-4DA7-5F1B-B34D-117456F6B981/CareHomesStaffing',
    badge: 'Hansard debate',
    title: 'Care Homes: Staffing',
    facts: {
      House: 'House of Lords',
      'Sitting date': '3 November 2026',
      Location: 'Lords Chamber',
      'E-petitions mentioned': 'None',
    },
    links: {},
  },
  {
    name: 'consultation-care-home-visiting-legal-right',
    url: 'https://www.gov.uk/government/consultations/care-home-visiting-legal-right',
    badge: 'Consultation',
    title: 'Care home visiting: a legal right for residents',
    facts: {
      State: 'Closed, awaiting outcome',
      Opens: '17 August 2026',
      Closes: '9 November 2026',
      Organisation: 'Ministry of Housing, Communities and Local Government',
    },
    links: {},
  },
];

/** Pages on the same sites that must get no panel. */
export const UNSUPPORTED_URLS = [
  'https://petition.parliament.uk/petitions?state=open',
  'https://petition.parliament.uk/petitions/701234/map',
  'https://www.gov.uk/government/consultations',
  'https://www.gov.uk/government/news/ambitious-reform-for-children-and-young-people-with-send',
  'https://hansard.parliament.uk/search/Debates?searchTerm=SEND',
];

/** Supported addresses served a document that is not the page; the extension must leave them alone. */
export const LEFT_ALONE_PAGES = [
  {
    name: 'an empty document at a petition address',
    url: 'https://petition.parliament.uk/petitions/100001',
    key: 'petition:100001',
  },
  {
    name: 'the site’s 404 page for a hidden petition',
    url: 'https://petition.parliament.uk/petitions/733001',
    key: 'petition:733001',
  },
  {
    name: 'the site’s 410 page for a removed petition',
    url: 'https://petition.parliament.uk/petitions/733002',
    key: 'petition:733002',
  },
  {
    // A CDN's bot check served in place of the debate (Cloudflare's managed challenge; PAGES.md).
    name: 'a bot-challenge page at a debate address',
    url: 'https://hansard.parliament.uk/Commons/2026-11-24/debates/1B2C3D4E-5F60-4718-293A-4B5C6D7E8F90/SpecialEducationalNeedsTransport',
    key: 'debate:1B2C3D4E-5F60-4718-293A-4B5C6D7E8F90',
  },
  {
    name: 'GOV.UK’s 404 page at a consultation address',
    url: 'https://www.gov.uk/government/consultations/sen-workforce-training-standards-2025',
    key: 'consultation:sen-workforce-training-standards-2025',
  },
  {
    name: 'GOV.UK’s 410 page at a removed consultation’s address',
    url: 'https://www.gov.uk/government/consultations/send-transport-policy-review-2019',
    key: 'consultation:send-transport-policy-review-2019',
  },
];
