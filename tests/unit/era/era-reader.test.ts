/**
 * The 835 reader on the fixtures of tests/fixtures/era (see its README for what each one shows)
 * and the cases of domain.md §10 (E1–E6).
 */
import { describe, expect, it } from 'vitest';
import { eraPreview } from '../../../shared/domain/era/era-preview';
import { readEra } from '../../../shared/domain/era/era-reader';
import { codes, firstClaim, firstLine, fixture, header, read, readFixture, st835 } from './era-test-helpers';

describe('the --preview shape (issue 12)', () => {
  it('reads the example remittance into exactly the preview JSON, field order included', () => {
    const preview = eraPreview(readFixture('preview-example.835'));
    const expected = {
      transactions: [
        {
          payer: { name: 'MEDICARE PART B', id: '12345' },
          payee: { name: 'SUNRISE ONCOLOGY', npi: '1234567893' },
          payment: { amount: '1062.92', method: 'ACH', trace: 'EFT0042917', date: '2025-03-28' },
          balanced: true,
          claims: [
            {
              patientControlNumber: 'CLM-2025-0042',
              status: '1',
              charge: '1500.00',
              paid: '1087.92',
              patientResponsibility: '277.53',
              payerClaimNumber: '525084000123',
              patient: { last: 'RIVERA', first: 'ANA', memberId: '1EG4TE5MK73' },
              balanced: true,
              adjustments: [],
              lines: [
                {
                  code: 'J3490',
                  modifiers: [],
                  submittedCode: null,
                  charge: '1500.00',
                  paid: '1087.92',
                  allowed: '1387.65',
                  units: '1',
                  dateOfService: '2025-03-03',
                  lineControlNumber: '42-1',
                  balanced: true,
                  remarks: [],
                  adjustments: [
                    { group: 'CO', reason: '45', amount: '112.35' },
                    { group: 'PR', reason: '2', amount: '277.53' },
                    { group: 'CO', reason: '253', amount: '22.20' },
                  ],
                },
              ],
            },
          ],
          providerAdjustments: [{ reason: 'WO', reference: 'OVP-7731', amount: '25.00' }],
        },
      ],
      warnings: [],
      summary: { claims: 1, lines: 1, outOfBalance: 0, totalPaid: '1087.92' },
    };
    expect(JSON.stringify(preview, null, 1)).toBe(JSON.stringify(expected, null, 1));
  });

  it('keeps what storage and matching need beyond the preview: segments, dates, ids, envelope, balances', () => {
    const reading = readFixture('preview-example.835');
    const txn = reading.transactions[0];
    const claim = firstClaim(reading);
    const line = firstLine(reading);
    expect(reading.segments).toBe(33);
    expect(txn).toMatchObject({
      segment: 3,
      controlNumber: '0001',
      productionDate: '2025-03-27',
      envelope: {
        senderId: 'PAYERID',
        receiverId: 'RECEIVERID',
        interchangeControlNumber: '000000042',
        groupControlNumber: '42',
        version: '005010X221A1',
      },
      payer: { idQualifier: 'XV', address: { line1: 'PO BOX 1000', city: 'NASHVILLE', state: 'TN', zip: '37202' } },
      payee: { taxId: '371234567', idQualifier: 'XX', id: '1234567893' },
      payment: { handling: 'I', creditDebit: 'C', originator: '1512345678' },
      balance: { payment: '1062.92', claimsPaid: '1087.92', providerAdjustments: '25.00', difference: '0.00' },
    });
    expect(txn?.providerAdjustments[0]).toMatchObject({
      providerId: '1234567893',
      fiscalPeriodDate: '2025-12-31',
      segment: 30,
    });
    expect(claim).toMatchObject({
      segment: 17,
      statusMeaning: 'Processed as primary',
      filingIndicator: 'MB',
      facilityType: '11',
      frequency: '1',
      headerNumber: '1',
      serviceStart: '2025-03-03',
      serviceEnd: '2025-03-03',
      received: '2025-03-10',
      rendering: { last: 'CHEN', first: 'DAVID', idQualifier: 'XX', id: '1679576722' },
      renderingNpi: '1679576722',
      patient: { middle: 'M', segment: 18 },
      balanced: true,
      balance: null,
    });
    expect(line).toMatchObject({
      segment: 23,
      qualifier: 'HC',
      submittedCode: null,
      submittedModifiers: [],
      references: [],
      amounts: [],
      balanced: true,
      balance: null,
    });
    expect(line.adjustments.map((a) => a.segment)).toEqual([25, 26, 27]);
  });
});

describe('delimiters and layout (E1)', () => {
  it('E1 reads | as element, ^ as component (ISA16), { as repetition, ~ as terminator', () => {
    const reading = readFixture('e1-pipe-caret.835');
    expect(reading.warnings).toEqual([]);
    expect(firstLine(reading)).toMatchObject({ code: 'J3490', modifiers: ['JW'], charge: '1500.00' });
    expect(reading.transactions[0]?.payee.npi).toBe('1234567893');
  });

  it('E1 reads > as the component separator and CR as the terminator (each followed by LF)', () => {
    const angle = readFixture('e1-angle-crlf-terminator.835');
    expect(angle.warnings).toEqual([]);
    expect(eraPreview(angle)).toEqual(eraPreview(readFixture('e1-pipe-caret.835')));
  });

  it('reads CR/LF between segments and a file on one line exactly as the same file one segment per line', () => {
    const expected = eraPreview(readFixture('preview-example.835'));
    expect(eraPreview(readFixture('crlf-between-segments.835'))).toEqual(expected);
    expect(eraPreview(readFixture('one-line.835'))).toEqual(expected);
  });

  it('reads an ISA whose fields are not padded (shorter than 106 characters)', () => {
    const short = readFixture('short-isa.835');
    expect(short.warnings).toEqual([]);
    expect(eraPreview(short)).toEqual(eraPreview(readFixture('example-c.835')));
    expect(short.transactions[0]?.envelope?.senderId).toBe('PAYERID');
  });

  it('reads a file that starts at ST without an envelope (envelope null)', () => {
    const reading = readFixture('starts-at-st.835');
    expect(reading.warnings).toEqual([]);
    expect(reading.transactions[0]?.envelope).toBeNull();
    expect(reading.summary).toEqual({ claims: 1, lines: 2, outOfBalance: 0, totalPaid: '200.00' });
    expect(firstLine(reading)).toMatchObject({ code: 'J3490', modifiers: ['JZ'] });
  });

  it('reads two ISA envelopes of two ST/SE sets each, the second with its own delimiters (| and >)', () => {
    const reading = readFixture('two-interchanges.835');
    expect(reading.warnings).toEqual([]);
    expect(reading.transactions.map((t) => t.payment.trace)).toEqual(['T-A1', 'T-A2', 'T-B1', 'T-B2']);
    expect(reading.transactions.map((t) => t.envelope?.interchangeControlNumber)).toEqual([
      '000000101',
      '000000101',
      '000000102',
      '000000102',
    ]);
    expect(reading.transactions.map((t) => t.claims[0]?.lines[0]?.code)).toEqual(['J3490', 'J3490', 'J3490', 'J3490']);
    expect(reading.summary).toEqual({ claims: 4, lines: 4, outOfBalance: 0, totalPaid: '1000.00' });
  });
});

describe('claims and lines (E2–E6, §9 C)', () => {
  it('E2 CLP 225/200 with CO-45 20 at claim level and PR-3 5 on the line is balanced', () => {
    const reading = readFixture('e2-claim-and-line-cas.835');
    const claim = firstClaim(reading);
    expect(reading.warnings).toEqual([]);
    expect(claim.balanced).toBe(true);
    expect(claim.adjustments).toMatchObject([{ group: 'CO', reason: '45', amount: '20.00', quantity: null }]);
    expect(claim.lines.map((l) => [l.charge, l.paid, l.balanced])).toEqual([
      ['150.00', '145.00', true],
      ['75.00', '75.00', true],
    ]);
    expect(claim.balance).toBeNull(); // kept only on what does not balance
    expect(reading.transactions[0]?.balance).toEqual({
      payment: '200.00',
      claimsPaid: '200.00',
      providerAdjustments: '0.00',
      difference: '0.00',
    });
  });

  it('E3 CLP02 = 4 is a denial (CO-16, M119, N350); CLP02 = 1 with 0 paid is processed, with its reasons', () => {
    const reading = readFixture('e3-denied-and-unpaid.835');
    const [denied, processed] = reading.transactions[0]?.claims ?? [];
    expect(denied).toMatchObject({ status: '4', statusMeaning: 'Denied', paid: '0.00', remarks: ['M119', 'N350'] });
    expect(denied?.patientResponsibility).toBeNull();
    expect(processed).toMatchObject({ status: '1', statusMeaning: 'Processed as primary', paid: '0.00' });
    expect(processed?.lines[0]?.remarks).toEqual(['M119', 'N350']);
    expect(reading.warnings).toEqual([
      {
        code: 'CLAIM_DENIED',
        segment: 17,
        message:
          'Claim PCN-DENIED was denied (status 4): the payer paid nothing on it. Adjustments: CO-16. Remarks: M119, N350.',
      },
      {
        code: 'CLAIM_NOT_PAID',
        segment: 21,
        message:
          'Claim PCN-PROCESSED was processed as primary, but the payer paid nothing on it. Adjustments: CO-16. Remarks: M119, N350.',
      },
    ]);
    expect(reading.transactions[0]?.payment).toMatchObject({ amount: '0.00', method: 'NON' });
  });

  it('E4 an SVC without SVC05 (absent or empty) is 1 unit, with a warning on its segment', () => {
    const reading = readFixture('e4-e5-units-and-modifiers.835');
    expect(firstClaim(reading).lines.map((l) => l.units)).toEqual(['1', '1']);
    expect(reading.warnings.map((w) => [w.code, w.segment])).toEqual([
      ['SVC_UNITS_DEFAULTED', 19],
      ['SVC_UNITS_DEFAULTED', 24],
    ]);
    expect(reading.warnings[0]?.message).toBe(
      'Claim PCN-E4, line 1 (J3490): the payer did not say how many units it paid (SVC05), which means 1; units are read as 1.',
    );
  });

  it('E5 SVC01 "HC:J3490:JW" is code J3490 with modifiers [JW]; "HC:J3490:JZ:KX" has [JZ, KX]', () => {
    const [jw, jzkx] = firstClaim(readFixture('e4-e5-units-and-modifiers.835')).lines;
    expect(jw).toMatchObject({ qualifier: 'HC', code: 'J3490', modifiers: ['JW'], description: null });
    expect(jzkx).toMatchObject({ code: 'J3490', modifiers: ['JZ', 'KX'] });
  });

  it('E6 line CAS CO-253 is read as an adjustment of its own (two triplets in one CAS)', () => {
    const line = firstLine(readFixture('example-c.835'));
    expect(line.adjustments.map((a) => [a.group, a.reason, a.amount])).toEqual([
      ['CO', '45', '228.00'],
      ['CO', '253', '20.35'],
      ['PR', '2', '254.40'],
    ]);
  });

  it('§9 C: CLP*PCN1*1*1500*997.25*254.4*MB*ICN1 reads and balances to the cent', () => {
    const reading = readFixture('example-c.835');
    expect(reading.warnings).toEqual([]);
    expect(eraPreview(reading).transactions[0]?.claims).toEqual([
      {
        patientControlNumber: 'PCN1',
        status: '1',
        charge: '1500.00',
        paid: '997.25',
        patientResponsibility: '254.40',
        payerClaimNumber: 'ICN1',
        patient: { last: 'PATIENT', first: 'ONE', memberId: '1AA1AA1AA11' },
        balanced: true,
        adjustments: [],
        lines: [
          {
            code: 'J3490',
            modifiers: ['JZ'],
            submittedCode: null,
            charge: '1500.00',
            paid: '997.25',
            allowed: '1272.00',
            units: '1',
            dateOfService: '2024-03-15',
            lineControlNumber: null,
            balanced: true,
            remarks: [],
            adjustments: [
              { group: 'CO', reason: '45', amount: '228.00' },
              { group: 'CO', reason: '253', amount: '20.35' },
              { group: 'PR', reason: '2', amount: '254.40' },
            ],
          },
        ],
      },
    ]);
  });

  it('reads SVC06/SVC07 as the submitted code, modifiers and units when the payer recoded the line', () => {
    const line = firstLine(readFixture('svc06-recoded.835'));
    expect(line).toMatchObject({
      code: 'J9035',
      modifiers: [],
      units: '40',
      submittedQualifier: 'HC',
      submittedCode: 'J3490',
      submittedModifiers: ['JZ'],
      submittedUnits: '1',
    });
  });

  it('reads a reversal (CLP02 = 22, negative amounts) and says the corrected claim follows', () => {
    const reading = readFixture('reversal-then-correction.835');
    const [reversal, corrected] = reading.transactions[0]?.claims ?? [];
    expect(reversal).toMatchObject({
      status: '22',
      statusMeaning: 'Reversal of previous payment',
      charge: '-1500.00',
      paid: '-1087.92',
      patientResponsibility: '-277.53',
      balanced: true,
      lines: [],
    });
    expect(reversal?.adjustments.map((a) => a.amount)).toEqual(['-112.35', '-22.20', '-277.53']);
    expect(corrected).toMatchObject({ status: '1', paid: '1100.00', balanced: true });
    expect(reading.transactions[0]?.balanced).toBe(true);
    expect(reading.summary.totalPaid).toBe('12.08');
    expect(reading.warnings).toEqual([
      {
        code: 'CLAIM_REVERSAL',
        segment: 17,
        message:
          'Claim CLM-2025-0042 reverses an earlier payment (status 22): -1087.92 paid on -1500.00 charged, payer claim number 525084000123. The corrected claim follows at segment 21.',
      },
    ]);
  });

  it('says so when a reversal has no corrected claim after it', () => {
    const reading = read(
      st835([...header('-100'), 'CLP*PCN9*22*-100*-100*0*MB*ICN9', 'NM1*QC*1*DOE*JO****MI*M9', 'CLP*PCN8*1*5*0*0*MB']),
    );
    expect(reading.warnings.find((w) => w.code === 'CLAIM_REVERSAL')?.message).toContain(
      'No corrected claim for it follows in this payment.',
    );
  });

  it('reads PLB WO with its reference, and a PLB with several pairs', () => {
    const reading = read(
      st835([...header('80'), 'CLP*PCN1*1*150*150*0*MB', 'PLB*1234567893*20251231*WO:OVP-7731*25*L6*-5*72:RET-1*50']),
    );
    expect(reading.transactions[0]?.providerAdjustments).toMatchObject([
      {
        reason: 'WO',
        reference: 'OVP-7731',
        amount: '25.00',
        providerId: '1234567893',
        fiscalPeriodDate: '2025-12-31',
      },
      { reason: 'L6', reference: null, amount: '-5.00' },
      { reason: '72', reference: 'RET-1', amount: '50.00' },
    ]);
    expect(reading.transactions[0]?.balanced).toBe(true); // 150 − (25 − 5 + 50) = 80
  });

  it('gives a claim without SVC no lines, and a claim without NM1*QC no patient', () => {
    const claim = firstClaim(read(st835([...header('10'), 'CLP*PCN1*1*10*10*0*MB'])));
    expect(claim.lines).toEqual([]);
    expect(claim.patient).toBeNull();
    expect(claim.payerClaimNumber).toBeNull();
  });

  it("takes the member id from NM1*IL when the patient's NM1*QC has none", () => {
    const claim = firstClaim(
      read(
        st835([
          ...header('10'),
          'CLP*PCN1*1*10*10*0*MB',
          'NM1*QC*1*DOE*CHILD',
          'NM1*IL*1*DOE*PARENT****MI*SUB123',
          'NM1*74*1*DOE*KID',
        ]),
      ),
    );
    expect(claim.patient).toMatchObject({ last: 'DOE', first: 'CHILD', memberId: 'SUB123' });
    expect(claim.insured).toMatchObject({ first: 'PARENT', id: 'SUB123' });
    expect(claim.correctedPatient).toMatchObject({ first: 'KID' });
  });

  it('lists the SVC loops of a claim in file order with their own DTM, REF, AMT and LQ', () => {
    const claim = firstClaim(
      read(
        st835([
          ...header('30'),
          'LX*1',
          'CLP*PCN1*1*30*30*0*MB*ICN*11*1',
          'REF*1L*GRP-7',
          'DTM*050*20250310',
          'DTM*036*20251231',
          'AMT*AU*30',
          'SVC*HC:J3490:JZ::::ZOLEDRONIC ACID 4MG*10*10**1',
          'DTM*150*20250301',
          'DTM*151*20250302',
          'REF*LU*22',
          'AMT*B6*10',
          'AMT*KH*0',
          'LQ*RX*70',
          'SVC*HC:96365*20*20**1',
          'DTM*472*20250303',
          'REF*6R*L2',
        ]),
      ),
    );
    expect(claim).toMatchObject({
      received: '2025-03-10',
      coverageExpiration: '2025-12-31',
      references: [{ qualifier: '1L', value: 'GRP-7' }],
      amounts: [{ qualifier: 'AU', amount: '30.00' }],
    });
    expect(claim.lines.map((l) => l.code)).toEqual(['J3490', '96365']);
    expect(claim.lines[0]).toMatchObject({
      description: 'ZOLEDRONIC ACID 4MG',
      dateOfService: '2025-03-01',
      serviceStart: '2025-03-01',
      serviceEnd: '2025-03-02',
      references: [{ qualifier: 'LU', value: '22' }],
      allowed: '10.00',
      amounts: [{ qualifier: 'KH', amount: '0.00' }],
      otherRemarks: ['RX:70'],
      lineControlNumber: null,
    });
    expect(claim.lines[1]).toMatchObject({ dateOfService: '2025-03-03', lineControlNumber: 'L2', allowed: null });
  });

  it('reads BPR03 = D (a debit) as a payment the other way: Σ CLP04 − Σ PLB = −BPR02', () => {
    const reading = read(
      st835([
        'BPR*H*100*D*NON************20250328',
        'TRN*1*NEG1*1512345678',
        'N1*PR*ACME',
        'N1*PE*SUNRISE*XX*1234567893',
        'CLP*PCN1*22*-100*-100*0*MB',
      ]),
    );
    expect(reading.transactions[0]).toMatchObject({
      balanced: true,
      payment: { amount: '100.00', creditDebit: 'D', handling: 'H' },
      balance: { payment: '-100.00', claimsPaid: '-100.00', difference: '0.00' },
    });
  });
});

describe('rules real files break are warnings with the segment number, never a crash', () => {
  it('a wrong SE count and an SE02 that differs from ST02', () => {
    const reading = readFixture('se-mismatch.835');
    expect(reading.warnings).toEqual([
      {
        code: 'SE_COUNT_MISMATCH',
        segment: 27,
        message:
          'Transaction 0007 says it has 99 segments (SE01), but it has 25; a segment may be missing or the file was edited.',
      },
      {
        code: 'SE_CONTROL_MISMATCH',
        segment: 27,
        message:
          'The SE segment closes transaction 0008, but the transaction opened as 0007 (ST02); the file may have been joined from several files.',
      },
    ]);
    expect(reading.summary.claims).toBe(1);
  });

  it('a segment the reader does not know is skipped and reported', () => {
    const reading = readFixture('unknown-segment.835');
    expect(reading.warnings).toEqual([
      {
        code: 'SEGMENT_UNKNOWN',
        segment: 19,
        message: 'Segment "ZZZ" is not part of an 835 remittance; it is skipped.',
      },
    ]);
    expect(eraPreview(reading).transactions).toEqual(eraPreview(readFixture('example-c.835')).transactions);
  });

  it('amounts that are missing or not numbers are read as 0.00 and said; 3 decimals are rounded and said', () => {
    const reading = readFixture('bad-amounts.835');
    expect(codes(reading.warnings)).toEqual([
      'TRANSACTION_OUT_OF_BALANCE',
      'AMOUNT_INVALID',
      'AMOUNT_INVALID',
      'CLAIM_OUT_OF_BALANCE',
      'SVC_AMOUNT_MISSING',
      'LINE_OUT_OF_BALANCE',
      'SVC_AMOUNT_MISSING',
      'LINE_OUT_OF_BALANCE',
      'AMOUNT_ROUNDED',
    ]);
    const messages = reading.warnings.map((w) => w.message);
    expect(messages).toContain('The payment: BPR02 (total payment) "1O0.00" is not an amount; it is read as 0.00.');
    expect(messages).toContain('Claim PCN-BAD: CLP03 (charge) "12,50" is not an amount; it is read as 0.00.');
    expect(messages).toContain('Claim PCN-BAD, line 1 (J3490): SVC02 (line charge) is empty; it is read as 0.00.');
    expect(messages).toContain('Claim PCN-BAD, line 2 (J3490): SVC03 (line paid) is empty; it is read as 0.00.');
    expect(messages).toContain(
      'Claim PCN-BAD, line 2 (J3490): CAS03 (amount of CO-45) "25.005" has more than 2 decimals; it is read as 25.01.',
    );
    const claim = firstClaim(reading);
    expect([claim.charge, claim.lines[0]?.charge, claim.lines[1]?.paid]).toEqual(['0.00', '0.00', '0.00']);
    expect(reading.transactions[0]?.payment.amount).toBe('0.00');
  });

  it('a transaction of another kind inside an 835 file is skipped with one warning', () => {
    const text = `${st835([...header('10'), 'CLP*PCN1*1*10*10*0*MB'])}ST*999*0002~AK1*HP*1~SE*3*0002~\n`;
    const reading = read(text);
    expect(reading.transactions).toHaveLength(1);
    expect(reading.warnings).toEqual([
      {
        code: 'TRANSACTION_NOT_835',
        segment: 9,
        message: 'The file also holds a 999 (acknowledgment) transaction set; only its 835 transactions are read.',
      },
    ]);
  });

  it('a transaction without BPR is balanced against 0.00 and says why', () => {
    const reading = read(st835(['TRN*1*T1*1', 'CLP*PCN1*1*10*10*0*MB']));
    expect(codes(reading.warnings)).toEqual(['BPR_MISSING', 'TRANSACTION_OUT_OF_BALANCE']);
    expect(reading.transactions[0]?.payment).toMatchObject({ amount: null, method: null, trace: 'T1', date: null });
  });

  it('a file cut short: no SE, GE or IEA', () => {
    const full = fixture('example-c.835');
    const cut = full.slice(0, full.indexOf('AMT*B6'));
    const reading = read(cut);
    expect(codes(reading.warnings)).toEqual(['ENVELOPE_UNCLOSED', 'ENVELOPE_UNCLOSED', 'SE_MISSING']);
    expect(reading.warnings[2]?.message).toBe(
      'Transaction 0001 has no SE segment at its end; the file may be cut short or joined badly.',
    );
    expect(firstLine(reading).allowed).toBeNull();
  });

  it('GE and IEA counts and control numbers that do not match their headers', () => {
    const text = fixture('example-c.835')
      .replace('GE*1*42~', 'GE*2*43~')
      .replace('IEA*1*000000042~', 'IEA*3*000000042~');
    const reading = read(text);
    expect(reading.warnings.map((w) => [w.code, w.segment])).toEqual([
      ['ENVELOPE_COUNT_MISMATCH', 25],
      ['ENVELOPE_CONTROL_MISMATCH', 25],
      ['ENVELOPE_COUNT_MISMATCH', 26],
    ]);
    expect(reading.warnings[0]?.message).toBe('The functional group 42 says it has 2 transaction sets, but it has 1.');
  });

  it('a 4010 remittance is read with a version warning', () => {
    const text = fixture('example-c.835').replace(/005010X221A1/g, '004010X091A1');
    expect(codes(read(text).warnings)).toEqual(['VERSION_UNEXPECTED', 'VERSION_UNEXPECTED']);
  });

  it('segments where they have no meaning are skipped with SEGMENT_OUT_OF_PLACE', () => {
    const reading = read(
      st835([
        ...header('10'),
        'SVC*HC:J3490*5*5**1',
        'CLP*PCN1*1*10*10*0*MB',
        'BPR*I*99*C*ACH',
        'N3*1 MAIN ST',
        'SVC*HC:J3490*10*10**1',
        'NM1*QC*1*LATE*NAME',
        'PLB*1234567893*20251231*WO:X*0',
        'CAS*CO*45*1',
      ]),
    );
    expect(reading.warnings.map((w) => [w.code, w.segment])).toEqual([
      ['SEGMENT_OUT_OF_PLACE', 7],
      ['SEGMENT_OUT_OF_PLACE', 9],
      ['SEGMENT_OUT_OF_PLACE', 10],
      ['SEGMENT_OUT_OF_PLACE', 12],
      ['SEGMENT_OUT_OF_PLACE', 14],
    ]);
    expect(reading.warnings[0]?.message).toBe('Segment SVC is not expected in the payee; it is skipped.');
    expect(reading.transactions[0]?.payment.amount).toBe('10.00');
    expect(firstClaim(reading).patient).toBeNull();
  });

  it('a claim without CLP01 and with an unknown CLP02 is read and reported', () => {
    const reading = read(st835([...header('10'), 'CLP**99*10*10*0*MB']));
    expect(codes(reading.warnings)).toEqual(['CLAIM_ID_MISSING', 'CLAIM_STATUS_UNKNOWN']);
    expect(firstClaim(reading)).toMatchObject({ patientControlNumber: null, status: '99', statusMeaning: null });
  });

  it('a CLP02 = 4 with money paid is flagged, not called a denial', () => {
    const reading = read(st835([...header('10'), 'CLP*PCN1*4*10*10*0*MB']));
    expect(codes(reading.warnings)).toEqual(['CLAIM_DENIED_BUT_PAID']);
  });

  it('dates that are not CCYYMMDD calendar dates are left empty and said', () => {
    const reading = read(
      st835([...header('10'), 'CLP*PCN1*1*10*10*0*MB', 'SVC*HC:J3490*10*10**1', 'DTM*472*20250230']),
    );
    expect(firstLine(reading).dateOfService).toBeNull();
    expect(reading.warnings).toEqual([
      {
        code: 'DATE_INVALID',
        segment: 9,
        message:
          'Claim PCN1, line 1 (J3490): DTM02 (date 472) "20250230" is not a date written CCYYMMDD; it is left empty.',
      },
    ]);
  });

  it('an unknown CAS group and a non-number of units are read and said', () => {
    const reading = read(st835([...header('5'), 'CLP*PCN1*1*10*5*0*MB', 'SVC*HC:J3490*10*5**ABC', 'CAS*XX*45*5']));
    expect(codes(reading.warnings)).toEqual(['UNITS_INVALID', 'CAS_GROUP_UNKNOWN']);
    expect(firstLine(reading)).toMatchObject({ units: '1', balanced: true });
  });

  it('an SVC with an empty SVC01 has no code and a warning', () => {
    const reading = read(st835([...header('5'), 'CLP*PCN1*1*5*5*0*MB', 'SVC**5*5**1']));
    expect(firstLine(reading).code).toBeNull();
    expect(codes(reading.warnings)).toEqual(['SVC_CODE_MISSING']);
  });

  it('lists each warning code at most 200 times, then says how many more there were', () => {
    const lines: string[] = [];
    for (let i = 0; i < 250; i++) lines.push('SVC*HC:J3490*1*1');
    const reading = read(st835([...header('250'), 'CLP*PCN1*1*250*250*0*MB', ...lines]));
    expect(reading.warnings.filter((w) => w.code === 'SVC_UNITS_DEFAULTED')).toHaveLength(200);
    expect(reading.warnings.at(-1)).toEqual({
      code: 'WARNINGS_TRUNCATED',
      segment: 208,
      message: '50 more warnings of this kind (SVC_UNITS_DEFAULTED) are not listed one by one; the first 200 are.',
    });
    expect(firstClaim(reading).lines.every((l) => l.units === '1')).toBe(true);
  });
});

describe('files that are not an 835 are refused with a code, never a throw', () => {
  it('an 837 is ERA_NOT_835', () => {
    expect(readEra(fixture('claim.837'))).toEqual({
      ok: false,
      error: {
        code: 'ERA_NOT_835',
        message:
          'This file is an 837 (health care claim) file, not an 835 remittance, so there is no payment to read in it.',
      },
    });
  });

  it('a CSV is ERA_NOT_835', () => {
    expect(readEra(fixture('not-an-era.csv'))).toEqual({
      ok: false,
      error: {
        code: 'ERA_NOT_835',
        message:
          'This file is not an 835 remittance: an 835 starts with an ISA envelope (or an ST transaction header), and this one does not.',
      },
    });
  });

  it('binary (a PNG header and zeros) is ERA_NOT_835', () => {
    const png = String.fromCharCode(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d);
    expect(readEra(png)).toMatchObject({ ok: false, error: { code: 'ERA_NOT_835' } });
  });

  it('an empty or blank file is ERA_EMPTY', () => {
    for (const text of ['', '   \r\n\t', '\ufeff']) {
      expect(readEra(text)).toEqual({
        ok: false,
        error: { code: 'ERA_EMPTY', message: 'The file is empty: it has no segments to read.' },
      });
    }
  });

  it('an envelope without any transaction is ERA_EMPTY', () => {
    const text = fixture('example-c.835');
    const envelopeOnly = text.slice(0, text.indexOf('ST*')) + text.slice(text.indexOf('GE*'));
    expect(readEra(envelopeOnly)).toMatchObject({ ok: false, error: { code: 'ERA_EMPTY' } });
  });

  it('an ISA whose delimiters cannot be read is ERA_ENVELOPE_INVALID', () => {
    expect(readEra('ISA*00*00~GS*HP~')).toEqual({
      ok: false,
      error: {
        code: 'ERA_ENVELOPE_INVALID',
        message:
          'The file starts like an X12 file, but its delimiters cannot be read: it has 3 of the 16 elements an ISA must have. It may be damaged or cut short.',
      },
    });
  });
});
