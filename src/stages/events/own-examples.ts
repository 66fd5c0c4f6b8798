/**
 * Sentences written for the trigger model where the corpora say little: the new types, bare
 * triggers, and words that only look like events ("attack ads", "the death penalty", "hurt
 * feelings"). Markup as in ../fixture.ts; `events` lists every `type:word` that is a real event,
 * so every other lexicon hit in the sentence is a negative example.
 */
export interface OwnExample {
  readonly text: string;
  readonly events: readonly string[];
}

export const OWN_EXAMPLES: readonly OwnExample[] = [
  { text: 'A car bomb exploded outside the ministry {on Sunday|2020-03-08}, wounding <nine|9> guards.', events: ['attack:exploded', 'injury:wounding'] },
  { text: 'The blast shattered windows across the square and <two|2> passers-by died.', events: ['attack:blast', 'damage:shattered', 'killing:died'] },
  { text: 'Police said <14|14> people were injured when the device went off near the station.', events: ['injury:injured', 'attack:went off'] },
  { text: 'Gunmen opened fire on worshippers, killing <six|6>.', events: ['attack:opened fire', 'killing:killing'] },
  { text: 'The explosion destroyed <three|3> homes and damaged a school in [Doma|GPE|doma].', events: ['attack:explosion', 'damage:destroyed', 'damage:damaged'] },
  { text: 'Militants torched the village market before dawn.', events: ['damage:torched'] },
  { text: '[Tomas Vey|PERSON|tv] was charged with murder and will stand trial in {March|2021-03}.', events: ['charge:charged', 'trial:stand trial'] },
  { text: 'A court in [Doma|GPE|doma] sentenced [Tomas Vey|PERSON|tv] to <20|20> years in prison.', events: ['sentence:sentenced'] },
  { text: 'Prosecutors indicted <four|4> officers over the shooting.', events: ['charge:indicted', 'attack:shooting'] },
  { text: 'The hearing was adjourned after a witness testified about the ambush.', events: ['trial:hearing', 'trial:testified', 'attack:ambush'] },
  { text: '[Ana Ruiz|PERSON|ar] was jailed for <ten|10> years for the bombing.', events: ['sentence:jailed', 'attack:bombing'] },
  { text: 'Security forces arrested <12|12> suspects after the attack.', events: ['arrest:arrested', 'attack:attack'] },
  { text: 'Hundreds protested outside parliament against the killings.', events: ['protest:protested', 'killing:killings'] },
  { text: 'The rebels threatened to shell the city if the siege was not lifted.', events: ['threaten:threatened'] },
  { text: 'The senator attacked her rival’s record on taxes in a televised debate.', events: [] },
  { text: 'The campaign launched a new round of attack ads.', events: [] },
  { text: 'Republicans killed the bill in committee.', events: [] },
  { text: 'She has fought for lower taxes throughout her career.', events: [] },
  { text: 'The governor’s plan faces an uphill battle in the legislature.', events: [] },
  { text: 'His remarks hurt her feelings, she said.', events: [] },
  { text: 'The company charged customers a fee for late payments.', events: [] },
  { text: 'The app offers a free trial for thirty days.', events: [] },
  { text: 'The ruling party is in damage control after the leak.', events: [] },
  { text: 'Opponents of the death penalty rallied in the capital.', events: [] },
  { text: 'The market crashed and prices exploded over the summer.', events: [] },
  { text: 'The striker shot wide in injury time.', events: [] },
  { text: 'Voters sent a warning to the government at the polls.', events: [] },
  { text: 'The phone battery charged overnight.', events: [] },
  { text: 'The two candidates are locked in a dead heat.', events: [] },
  { text: 'Critics say the policy will kill jobs.', events: [] },
  { text: 'The army said an airstrike killed <20|20> fighters near the border.', events: ['airstrike:airstrike', 'killing:killed'] },
  { text: 'A suicide bomber blew himself up at a checkpoint.', events: ['attack:blew himself up'] },
  { text: 'Doctors said <one|1> of the victims later died in hospital.', events: ['killing:died'] },
  { text: 'Clashes broke out between protesters and police.', events: ['fight:clashes'] },
  { text: 'Officials warned of further attacks over the holiday.', events: ['threaten:warned of'] },
];
