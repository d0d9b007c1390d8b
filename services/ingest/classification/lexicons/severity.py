"""Severity reasons. Any of them makes a review "high": a person reads it before anything is
answered. Negated mentions ("no injury", "not a scam") do not count."""

SEVERITY: dict[str, dict[str, str]] = {
    "health_injury": {
        "en": """injur*, hurt myself, hurt my, got hurt, hospital*, emergency room, doctor,
            got sick, made me sick, felt sick, was sick, became sick,
            poisoned, poisonous, vomit*, rash, rashes, bleed*, blood, cut myself, made me ill,
            swollen, swelling, infection*, itching, ambulance, poisoning,
            allergic reaction, burned my, burnt my, cut my, bruise*, stitches, a e, urgent care,
            diarrh*, nausea, nauseous, dizzy, breathing problems, asthma attack, skin
            reaction, irritation, burning sensation, blister*, hives, eye infection, was hurt,
            got injured, were hurt, been hurt, broke his, broke her, broken arm, broken leg,
            broken wrist, concussion, food poisoning, sick after, ill after, vet, the vet,
            paramedic*, broke my wrist, broke my arm, broke my leg, broke my ankle, broke my
            finger, broke my toe, broke my nose, broke my rib*, broken ankle, broken finger,
            broken nose, broken rib*, broken tooth, broke a tooth, chipped tooth, cracked tooth,
            fractur*, sprain*, twisted my ankle, allergic, scald*, scarred, bled, gash,
            sliced my, sliced open, lost a finger, doctors, gp, threw up, throwing up, being sick,
            been sick, made us sick, made him sick, made her sick, made them sick, made us ill,
            felt ill, fell ill, got ill, upset stomach, stomach ache, stomach pain*, stomach
            cramps, migraine*, hit my head, banged my head, bumped my head, hit his head, hit
            her head, banged his head, banged her head, cut his finger, cut her finger,
            cut his hand, cut her
            hand, knocked out, surgery""",
        "de": """verletz*, krankenhaus*, arzt, arztin, notaufnahme, krank, vergift*,
            ausschlag*, blutet*, blutung*, erbroch*, erbrech*, entzund*, schwellung*,
            krankenwagen*, notarzt*,
            verbruh*, verbrueh*, mich geschnitten, sich geschnitten, mir geschnitten,
            kante geschnitten, daran geschnitten, dran geschnitten, finger geschnitten, hand
            geschnitten, schnittwunde*, schnittverletzung*, verbrennung*, brandblase*,
            brandwunde*, mich verbrannt, mir verbrannt, sich verbrannt, finger verbrannt, hand
            verbrannt, allergische reaktion, allergischen reaktion, hautausschlag*, verstaucht,
            verstauchung*, prellung*, geschwollen, angeschwollen, handgelenk gebrochen, arm
            gebrochen, bein gebrochen, fuss gebrochen, finger gebrochen, zeh gebrochen, nase
            gebrochen, rippe gebrochen, gebrochen* bein, gebrochen* handgelenk, genaht werden,
            uebelkeit, ins krankenhaus, zum arzt, zur notaufnahme, blaue flecken, blauer fleck,
            genaht, horschad*, hoerschad*, tinnitus, trommelfell*, geprellt, gestaucht, zerrung*,
            verrenkt, ausgerenkt, ruckenschmerz*, hand aufgeschnitten, finger aufgeschnitten,
            bein aufgeschnitten, fuss aufgeschnitten, aufgeschlitzt, bauchkrampf*, bauchschmerz*,
            magenkrampf*, magenschmerz*, magenverstimmung*, mich ubergeben, uns ubergeben, sich
            ubergeben, mich uebergeben, uns uebergeben, sich uebergeben, ubergeben mussen,
            knie aufgeschlagen, kopf aufgeschlagen, kinn aufgeschlagen, lippe aufgeschlagen,
            ellenbogen aufgeschlagen, schurfwunde*, schuerfwunde*, aufgeschurft, aufgeschuerft,
            platzwunde*, knochenbruch, gebrochen* arm, gehirnerschutterung, durchfall, ubelkeit,
            atemnot, asthma*, hautreaktion*, juckreiz, juckt, tierarzt*,
            schmerzen, wehgetan, weh getan, tut weh""",
        "sl": """poskodoval* sem se, sem se poskodoval*, se je poskodoval*, rana, ranjen*,
            bolnisnic*, zdravnik*, zdravnic*, urgenc*, zastrupit*, zastruplj*, izpuscaj*,
            krvav*, bruhal*, bruhanj*, zbolel*, opeklin*, vnetj*, otekl*, resilc*,
            porezal*, urezal*, modric*, pretres mozganov, zlomil* roko, zlomil* nogo, driska,
            slabo mi je, vrtoglav*, tezko dihal*, astma*, srbenje, srbi,
            pekoc*, mehurj*, veterinar*, bolecin*, boli me, bolelo, si zvil*, si zvila,
            zvil* glezenj, zvin*, si zlomil*, si zlomila, si poskodoval*""",
        "lv": """traum*, ievainoj*, savainoj*, slimnic*, pie arsta, pie arstiem, arstam,
            arsts teica, arsts pateica, arsts konstatej*, arsts apstiprin*, arsta palidzib*,
            arstej*, satraum*, luzum*, sasitu galv*, sasitu kaj*, sasitu rok*, sasitu mugur*,
            sasitu cel*, sasitu pirkst*, sasitu sanu, sasitos, sasita galv*, apdedz*, sadedzinaj*
            rok*, sadedzinaj* pirkst*, niez, niezej*, gruti elpot, nevareja elpot, nosmak*,
            neatliekam*,
            saindej*, izsitum*, asinis, asino*, vemt*, vemsan*, apdegum*, iekaisum*, pietuk*,
            atrai palidzib*,
            sagriez*, iegriez*, zilum*, smadzenu satricinajum*, lauza roku, lauzu roku, lauza
            kaju, caureja, nelabum*, reibon*, elpas trukum*, astm*, nieze, dedzin*,
            tulzn*, veterinar*, sapes, sapeja, slikta dusa, sliktu dusu, galvassap*, vedera
            sap*, saslim*, vetarst*, vemj*, vemu, vemam""",
        "ro": """ranit*, spital*, medic, medicul, medicului, la urgente, camera de garda, intoxic*,
            otravi*, eruptie*, eruptii, sangera*, sange, vomit*, voma, arsura, arsuri, umflat*,
            infectie*, ambulant*,
            m am taiat, s a taiat, vanatai*, copci, fractur*, comotie, diaree, greata, greturi,
            ameteli, ameteala, nu puteam respira, astm*,
            mancarime, mancarimi, ma mananca, usturime, basici, vezicule, veterinar*,
            mi am taiat, si a taiat, taiat degetul, taiat mana, taietur*, mi a fost rau,
            i a fost rau, ne a fost rau, le a fost rau, mi s a facut rau, i s a facut rau,
            ne s a facut rau, s a facut rau, dureri de stomac, dureri de burta, durere de stomac,
            durere de burta, dureri abdominale, toxiinfect*, indigesti*, lovit la cap, lovit in
            cap, s a lovit la, m am lovit, am cazut de pe, am cazut de la, a cazut de pe, copilul a
            cazut, m am ars, mi am ars, ars pielea, si a ars, iritati*, am ajuns la spital,
            am ajuns la medic, eczem*, dermatit*, urticari*, pete rosii, bube""",
    },
    "safety": {
        "en": """caught fire, on fire, fire hazard, started a fire, burn*, smoke, smoking, explod*,
            explosion*, electric shock, got a shock, shocked me, spark, sparks, sparked,
            sparking, overheat*, allerg*, anaphyla*, choking, choked, choke, toxic*, unsafe,
            dangerous*, hazard*, flames,
            brake failed, brakes failed, brake failure, brakes don t work, brakes do not work,
            brake doesn t, collapsed, collapses, gave way, came loose, detached, tipped over,
            tips over, toppled, sharp edge*, shards, glass shards, electrocut*, melted, melting,
            scorch*, short circuit*, choking hazard, swallowed, product recall, recalled,
            gas leak, smell of
            gas, carbon monoxide, could have been killed, could have been seriously, could have
            died, could have hurt, could have injured, could hurt someone, could kill someone,
            someone could get hurt, someone will get hurt, nearly killed, almost killed, near
            miss, nearly fell, almost fell, nearly rolled, almost rolled, rolled into the road,
            fell on my, fell onto, lead paint, asbestos, child safety, not safe, isn t safe,
            safety issue, safety hazard, safety risk,
            brake*, nearly ran over, nearly hit, exposed wire*, live wire*, bare wire*, wires
            exposed, gave me a shock, gave him a shock, gave her a shock, death trap, deathtrap,
            lethal, could have killed, could ve killed, could of killed, could have been fatal,
            could have lost a, could ve lost a, could of lost a, flew off, came flying off, blew
            up, went up in flames, caught alight, splinter*, fell backwards, fell forwards,
            fell through, fell to the
            floor, fell to the ground, leg snapped, legs snapped, leg broke, leg gave way, legs
            gave way, snapped under, broke under, wheel fell off, wheel came off, wheels fell off,
            wheels came off, came off while, fell off while, came apart while, nearly
            landed, almost landed, nearly fell on, almost fell on, landed on my, pulled out of the
            wall, came off the wall, fell off the wall, came away from the wall, came crashing
            down, crashed down""",
        "de": """feuer, brand, brandgefahr*, in flammen, flammen, brannte, verbrann*, rauch,
            qualm*, explodi*, stromschlag*, funken, uberhitz*,
            anaphylak*, gefahrlich*, giftig*, erstick*, lebensgefahr*,
            bremse versagt, bremse hat versagt, bremsen versagen, bremsen haben versagt, bremse
            funktioniert nicht, bremse ging nicht, zusammengebrochen, zusammengeklappt,
            eingesturzt, umgekippt, kippt um, scharfe kante*, scharfkantig*, glassplitter,
            splitter, geschmolzen, schmort, verschmort, kurzschluss*, verschluckt,
            verschluckungsgefahr, produktruckruf*, ruckrufaktion*, gasgeruch, kohlenmonoxid,
            fast umgefallen, fast gesturzt, gesturzt, sturz, sturzgefahr*, gefahr, gefaehrlich*,
            sicherheitsrisiko*, nicht sicher, hatte
            sterben, hatte tot, schwer verletzt,
            bremse*, rollte fast, fast uberfahren, fast auf die strasse, auf die strasse
            gerollt, weggerollt, rollte weg, losgerollt, klinge hat sich gelost, klinge lost sich,
            klinge* locker*, klinge* abgebrochen, klinge* flog*, zusammengekracht,
            zusammengesackt, brandgeruch, verkohlt*, angekokelt, geschmort, angeschmort,
            durchgeschmort, brandfleck*, heiss gelaufen, heissgelaufen, gluhend heiss, brennend
            heiss, schlag bekommen, elektrischen schlag, elektrischer schlag, eine gewischt,
            ueberhitz*, explodiert, stromschlaeg*, erstickungsgefahr, scharfe* metallkant*,
            scharfe* ecke*, scharfe* grat*, scharfe* rander, scharfe* rand, scharfe* kanten,
            messerscharf*, auf die schnauze, auf die fresse, bin hingefallen, bin hingeflogen,
            bin hingeknallt, sind hingefallen, vom rad gefallen, vom fahrrad gefallen, von der
            leiter gefallen, verschluck*, gequalmt, raucht, rauchte, rauchentwicklung*,
            fing an zu rauchen, allergie, allergien, allergisch*, allergene, aufgeblaht,
            aufgeblaeht, brennen konnen, brennen koennen, feuer fangen, feuer gefangen, extrem
            heiss, brutal heiss, gefahrlich heiss, viel zu heiss, glutheiss, sohn ist
            rausgefallen, tochter ist rausgefallen, kind ist rausgefallen,
            baby ist rausgefallen, sohn ist runtergefallen, tochter ist runtergefallen, kind ist
            runtergefallen, baby ist runtergefallen, fast auf mein kind, fast auf meinen sohn,
            fast auf meine tochter, fast auf mich, fast auf meinen kopf, fast auf meinen fuss,
            fast auf das baby, fast auf den kopf, auf den
            kopf gefallen, runtergekracht, heruntergekracht, halterung hat nachgegeben, aus der
            wand gerissen, von der wand gefallen""",
        "sl": """ogenj, ognja, ognju, ognjem, zagorel*, gorel*, goret*, gori, zagori, zagoret*,
            se je vnel*, pozar*, dim, dimil*, eksplodir*, eksplozij*, pregrel*, zazgan*,
            iskril*, iskrenje, iskra, zlomil* pod mano, zlomil* pod menoj, podrl* pod mano,
            sem padel, sem padla, padel sem, padla sem, rezil* se je zrahljal*,
            rezil* se je snel*, rezil* je odletel*, rezil* odletel*, zrahljal* rezil*,
            odletel* mimo glave, odletel* v glavo, odletel* v obraz, priletel* v glavo,
            priletel* v obraz, odpovedal* zavor*,
            elektricni udar, udar elektrike, streslo me, iskre, iskri, iskrilo, pregrev*, pregret*,
            alergi*, anafilak*, nevarn*, strupen*, zadusil*,
            zavor*, zrusil*, se je podrl*, podrl*, prevrnil*, ostri robovi, oster rob, crepinj*,
            se je stopil*, kratek stik, pogoltnil*, odpoklic*, vonj po plinu, skoraj padel*,
            skoraj padla, skoraj povozil*, ni varen, ni varno, ni varna, bi se lahko
            poskodoval*, bi se lahko ponesrecil*""",
        "lv": """uguns, aizdeg*, dega, degt, degusa, degoss, dumi, dumu, dumoj*, eksplod*,
            stravas trieciens, stravas triecienu, elektrosok*, dzirkstel*, parkarst*, alergi*,
            anafilak*, bistam*, toksisk*, indig*, aizrij*,
            bremze atteic*, bremzes atteic*, bremze nestrada, bremzes nestrada, bremze
            nedarbojas, bremzes nedarbojas, bremze neturej*, bremzes neturej*, bremze netur,
            bremzes netur, bremze salu*, bremzes salu*, nostrada bremz*, nestrada bremz*,
            sabruka, sabruk*, apgaz*, asas malas, asa mala, stikla lauskas,
            saluza zem, saluzis zem, saluza zem manis, ielauzas zem, luza zem, nokritu, nokritam,
            berns nokrita, bernu nokrita, berns izkrita, vecmamma nokrita, mamma nokrita, meita
            nokrita, dels nokrita, sieva nokrita, virs nokrita, teta nokrita, tetis nokrita,
            ieripoja iela, ieripoja uz ielas, aizripoja uz iel*, gandriz ieripo*, gandriz
            aizripo*, asmens atvieno*, asmens atdal*, asmens izkrit*, asmens nokrit*, asmens
            atlec*, asmens izlec*, asmens atskruv*, asmens valig*, asmens izlid*, asmens
            aizlid*, sit ar stravu, sita ar stravu, sitiens ar stravu, sitienu ar stravu, stravas
            sitien*, strava sit, iesita ar stravu, sakarsa, sakarst, sakarsis, sakarsusi, kust,
            izkus*, sakusa, kusa, ugunsgrek*, liesm*, ieliesmoj*, sprag*, uzsprag*,
            izkusa, issavienojum*, norija, atsauk* no tirgus, gazes smaka, gandriz nokrit*,
            gandriz apgaz*, gandriz uzbrauca, nav dross*, nedross*, vareja savainot*, vareja
            ievainot*, es kritu, kritu uz, kritu no, izkritu, izkrita no gult*, izkrita no
            ratin*, vareja izkrist, vareja nokrist, vareja nosmakt, vareja aizrit*, vareja
            sasist*, vareja sagriez*,
            vareja aizdeg*, mazulis vareja, berns vareja, bernam vareja, mazulis gandriz, berns
            gandriz, sture atvieno*, stures atvieno*, sture atluz*, sture nolu*, ritenis
            nokrit*, ritenis atvieno*, ritenis atluz*, rats atvieno*, rats nokrit*, rats atluz*,
            braucot atvieno*, braucot saluz*, braucot nolu*, braucot atluz*, atvieno* braucot,
            saluz* braucot, nolu* braucot, atluz* braucot""",
        "ro": """foc, a luat foc, incendi*, s a ars, s au ars, miroase a ars, miros de ars, arsa,
            arse, fum, fumega*, explod*, electrocut*,
            soc electric, scantei*, supraincalz*, alergi*, anafilact*, periculos*,
            periculoas*, toxic*, sufoc*, flacari,
            frana, frane, franele, s a prabusit, prabusit*, s a rasturnat, rasturnat*, muchii
            ascutite, margini ascutite, ascutit*, cioburi, s a topit, topit*, scurtcircuit*, a
            inghitit, inghitit*, rechemare, retras de pe piata, miros de gaz, era sa cada,
            aproape a cazut, putea sa moara, se putea rani, se putea accidenta, raneasc*,
            ma putea rani, putea rani, lama s a desprins, s a desprins lama, roata s a desprins,
            s a desprins roata, a cazut roata, s a rupt sub, s a prabusit sub, a cedat sub,
            cedat sub, pericol*, un accident, accident grav, accidentul, accidente, accidentat*,
            era sa ma ranesc,
            era sa ma tai, era sa ma ard, era sa ma electrocutez, era sa ia foc, aproape a luat
            foc, curentat*, a sarit siguranta, sare siguranta, a cedat frana, nu franeaza,
            nu mai franeaza, s a rasturnat cu, scurt circuit, accidenta, accidentam, accidentez,
            accidenteze, baterii curse, bateriile curse, bateria a curs, bateriile au curs,
            bateria curgea, a curs acid*, scurs acid*""",
    },
    "legal_threat": {
        "en": """lawyer*, attorney*, lawsuit*, sue, suing, sued, court, legal action, police,
            consumer protection, ombudsman, trading standards, small claims, solicitor*,
            report you to, legal steps, legal proceedings, legal advice, legal route, reporting
            you, reported you, report them to, reporting them to, reported them to, better
            business bureau, bbb, ftc, attorney general, citizens advice, consumer rights""",
        "de": """anwalt*, rechtsanwalt*, klage, verklag*, vor gericht, gerichtlich*,
            gerichtsverfahren*, polizei*, anzeige erstatt*,
            strafanzeige*, verbraucherschutz*, verbraucherzentrale*, rechtliche schritte,
            juristisch*, schlichtungsstelle*, abmahnung*, anzeige gegen, anzeige wegen,
            zeige sie an,
 zeige euch an, zeigen sie an, rechtlich* schritte, rechtlich*
            vorgehen, einklag*, eingeklagt, werde klagen, klagen werde, will klagen, ich klage,
            klage einreichen, mahnbescheid*,
            verbraucherzentral*, anwaltlich*""",
        "sl": """odvetnik*, tozb*, tozil*, tozi, tozim, sodisc*, sodno, sodni postop*,
            policij*, zveza potrosnikov, zvezo potrosnikov, varstvo potrosnikov, inspektorat*,
            trzni inspektor*, prijavil vas bom, vas bom prijavil*, pravni ukrep*, pravne korake""",
        "lv": """advokat*, jurist*, iesudz*, tiesvedib*, tiesu, tiesas, versisos tiesa,
            policij*, ptac, pateretaju tiesib*, pateretaju aizsardz*, juridisk*""",
        "ro": """avocat*, instanta, instante, in judecata, judecata, tribunal*, politia, politie,
            politiei, anpc, protectia consumatorului, protectia consumatorilor, plangere penala,
            actiune in instanta, reclamatie la anpc, instantei, opc, cale legala, calea legala,
            pe cale legala, actiune legala, masuri legale, dau in judecata, dam in judecata,
            plangere la politie, plangere la anpc""",
    },
    "fraud_claim": {
        "en": """scam, scams, scammed, scammer*, scamming, fraud*, stolen, steal*, stole, theft,
            thief,
            thieves, ripped off,
            counterfeit*, fake shop, con artist*, swindl*, took my money and, stole my money,
            criminals, crooks, crooked, bogus, phishing, fake website, fake site, fake company,
            fake store, total con, a con, such a con, is fake, are fake, not legit, not a legit,
            not legitimate, illegitimate""",
        "de": """betrug*, betrog*, betruger*, abzocke*, abgezockt, gestohlen*, diebstahl*,
            diebe, dieb, gefalscht*, falschung*, fake shop, fakeshop*, schwindel*,
            betrueger*, gefaelscht*, faelschung*, abzock*, abkassiert, geld kassiert, nehmen nur
            das geld, geld genommen, scam, fake ware, fakeware, fake produkt*, ist fake, alles
            fake, plagiat*, nachgemacht*, kein original, nicht original,
            keine originalware, kriminell*, verbrecher*, gauner*, halsabschneider*,
            betrugsmasche*""",
        "sl": """prevar*, goljuf*, ukraden*, ukradl*, kraja, lopov*, tat, tatovi, ponareje*,
            ponaredek*, sleparij*, slepar*""",
        "lv": """krapniec*, krapniek*, krapsan*, krapj*, zagl*, nozag*, apzag*, viltojum*,
            viltot*, blefs""",
        "ro": """teapa, tepuit*, frauda*, fraudul*, escroc*, inselat*, inselatori*, furat*, hot,
            hoti, hotii, contrafacut*, fals, falsificat*, tepar*, tepe, tepui*, falsuri,
            copie ieftina, nu e original, nu este original, nu sunt originale, neoriginal*,
            imitatie, imitatii, inseal*, inselaciun*, hotie, hotii, furt, jefuit*, magazin fals,
            site fals, site clonat, luat banii si, luat banii fara""",
    },
    "chargeback_threat": {
        "en": """chargeback*, charge back, charging back, dispute the charge, dispute the payment,
            paypal dispute, paypal claim, credit card dispute, reverse the payment, charged back,
            section 75, buyer protection""",
        "de": """ruckbuchung*, rucklastschrift*, chargeback*, zahlung zuruckhol*,
            zahlung zuruckbuch*, paypal konflikt*, kauferschutz*, lastschrift zuruck*,
            rueckbuchung*, ruecklastschrift*, kaeuferschutz*, zahlung zurueckhol*, zahlung
            zurueckbuch*, lastschrift zurueck*, lastschrift widerruf*, lastschrift
            zuruckgegeben, lastschrift zurueckgegeben, zuruckbuchen lassen, zurueckbuchen lassen,
            zuruckgebucht, zurueckgebucht, paypal fall, fall bei paypal, streitfall*, paypal
            eingeschaltet, bank eingeschaltet, kreditkartenfirma eingeschaltet, bei klarna
            reklamiert, bei paypal reklamiert, bei paypal gemeldet, bei klarna gemeldet, paypal
            reklamation, zahlung pausiert, zahlungspause*, zahlung gestoppt, zahlung
            angehalten""",
        "sl": """chargeback*, spor pri paypal*, spor na paypal*, paypal spor*, odprl* spor,
            odprla spor, pri banki bom, na banki bom, reklamacij* pri banki,
            reklamiral* pri banki, zavrnil* placil*, preklical* placil*, bom banki, preko banke""",
        "lv": """chargeback*, apstridesu maksajum*, apstrides maksajum*, atcelt maksajum*,
            atcelsu maksajum*, bankas stridus, naudu caur banku, atgusu caur banku, atveru
            strid*, atveris strid*, atverusi strid*, atvert strid*, atversu strid*, uzsaku strid*,
            uzsaksu strid*,
            iesniedzu strid*, iesniegsu strid*, paypal strid*, stridu paypal, strids paypal,
            atsaucu maksajum*, atsauksu maksajum*, atsaukt maksajum*, versisos banka, versos banka,
            bankas atbalst*, bankas parskatisan*, griezisos banka, griezos banka, griezisos pie
            bankas, atprasit* maksajum*, atprasis* maksajum*""",
        "ro": """chargeback*, contest* tranzacti*, contest* plata, disputa paypal,
            anulez plata, prin banca, la banca mea, anuleze plata, anuleze tranzactia, anulez
            tranzactia, anularea platii, anularea tranzactiei, deschid disputa, deschid o
            disputa, disputa pe paypal, disputa la banca, contestatie la banca, contestatie
            bancara, storn*, recuperez banii prin banca, returnarea banilor de catre banca,
            reclamatie la banca, am sesizat banca, am contactat banca, am anuntat banca,
            cerere la banca, sesizare la banca""",
    },
}

# A chargeback is also threatened in words the lists above cannot enumerate ("I asked my bank
# to get my money back"): a payment channel and a reversal word in the same review count too.
PAYMENT_CHANNEL: dict[str, str] = {
    "en": "bank, my bank, credit card, card issuer, paypal, visa, mastercard, amex, card company, "
    "card provider, klarna, clearpay, afterpay",
    "de": "bank, meine bank, kreditkarte*, paypal, visa, mastercard, klarna, amex, "
    "american express, lastschrift*",
    "sl": "banka, banki, banko, banke, kartic*, paypal*, visa, mastercard",
    "lv": "banka, banku, bankai, bankas, kartes, karti, paypal, mastercard",
    "ro": "banca, bancii, banca mea, card, cardul, paypal, visa, mastercard",
}
REVERSAL: dict[str, str] = {
    "en": "dispute*, revers*, chargeback*, a claim, opened a case, open a case, opening a case",
    "de": "widerspruch*, zuruckbuch*, zuruckhol*, zurueckbuch*, zurueckhol*, zuruckgebucht, "
    "zurueckgebucht, zuruckgeholt, zurueckgeholt, konflikt*, streitfall*, pausiert, "
    "hole mir das geld, hol mir das geld, hole ich mir",
    "sl": """spor, sporn*, zavrnit* transakcij*, zavrnil* transakcij*, izpodbij*,
        ugovor*""",
    "lv": "apstrid*, strid*",
    "ro": "contest*, disput*, storn*, anularea tranzactiei",
}

# "Tastes burnt", "schmeckt verbrannt", "gust de ars": a safety word right after a taste word
# describes the flavour, not a fire (severity.py, `_only_a_taste`).
TASTE_WORDS: dict[str, str] = {
    "en": "taste, tastes, tasted, tasting, flavour, flavor",
    "de": "schmeckt, schmeckte, schmecken, geschmack*",
    "sl": "okus*",
    "lv": "garsa, garsas, garso, garsoja",
    "ro": "gust, gustul, gusta",
}

# A severity word inside one of these phrases names something else: a colour that "bled", a
# price that is "inflated" ("preț umflat") or "daylight robbery" ("furt curat", "țeapă la prețul
# ăsta"), books swollen by water, a website that "collapsed" ("stran se je zrušila"). Found by
# scanning every multi-word topic term for severity words inside it (severity.py,
# `_another_meaning`); counterfeits ("produs fals") and shards ("in shards") stay severe.
OTHER_MEANINGS: dict[str, str] = {
    "en": "colour bled, color bled, dye bled, bled onto, bled into, bleeds onto, colour bleeds, "
    "color bleeds, colour bleeding, color bleeding, dye bleeding",
    "sl": "stran se je zrusil*, spletna stran se je zrusil*, aplikacija se je zrusil*",
    "ro": "pret* umflat*, pret* e umflat*, pret* este umflat*, umflat* de apa, "
    "s a umflat de la apa, s au umflat de la apa, s a umflat de la umezeala, "
    "s au umflat de la umezeala, furt curat, teapa la pret*, tepuiala la pret*",
}
